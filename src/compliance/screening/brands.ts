// Brands phishing imitates most in Xpecto's markets: Indian banks, UPI and payment apps, couriers, telecoms and
// government services, then Spanish, Portuguese/Brazilian and global ones. `tokens` are how the name appears
// inside a domain (compared by skeleton), `names` how a message mentions it, `domains` the official
// registrable domains — a link to one of those is never flagged for the brand. A token written `=word` is an
// ordinary word too ("apple" in "pineapple"), so it counts only as a whole piece of a domain, never inside one.

export type Brand = { tokens: string[]; names: string[]; domains: string[] };

export const BRANDS: Brand[] = [
  { tokens: ['sbi', 'onlinesbi', 'yono', 'yonosbi', 'sbicard'], names: ['sbi', 'state bank', 'yono'], domains: ['sbi.co.in', 'onlinesbi.sbi', 'onlinesbi.com', 'sbi.bank.in', 'bank.sbi', 'sbicard.com', 'yonobusiness.sbi', 'sbi'] },
  { tokens: ['hdfc', 'hdfcbank'], names: ['hdfc'], domains: ['hdfcbank.com', 'hdfc.com', 'hdfcbank.net', 'hdfclife.com', 'hdfcergo.com', 'hdfcsec.com', 'hdfcfund.com'] },
  { tokens: ['icici', 'icicibank'], names: ['icici'], domains: ['icicibank.com', 'icicidirect.com', 'iciciprulife.com', 'icicilombard.com', 'icicibank.co.in'] },
  { tokens: ['axisbank'], names: ['axis bank'], domains: ['axisbank.com', 'axisbank.co.in', 'axisdirect.in'] },
  { tokens: ['kotak', 'kotakbank'], names: ['kotak'], domains: ['kotak.com', 'kotaksecurities.com', 'kotakbank.com'] },
  { tokens: ['pnbindia', 'pnbbank'], names: ['punjab national bank', 'pnb'], domains: ['pnbindia.in', 'pnb.co.in', 'pnb.bank.in'] },
  { tokens: ['bankofbaroda', 'bobibanking'], names: ['bank of baroda'], domains: ['bankofbaroda.in', 'bankofbaroda.co.in', 'bobibanking.com'] },
  { tokens: ['canarabank'], names: ['canara bank'], domains: ['canarabank.com', 'canarabank.in'] },
  { tokens: ['unionbankofindia'], names: ['union bank'], domains: ['unionbankofindia.co.in'] },
  { tokens: ['yesbank'], names: ['yes bank'], domains: ['yesbank.in'] },
  { tokens: ['indusind'], names: ['indusind'], domains: ['indusind.com'] },
  { tokens: ['idfcfirst', 'idfcfirstbank'], names: ['idfc'], domains: ['idfcfirstbank.com'] },
  { tokens: ['federalbank'], names: ['federal bank'], domains: ['federalbank.co.in'] },
  { tokens: ['bandhanbank'], names: ['bandhan bank'], domains: ['bandhanbank.com'] },
  { tokens: ['paytm'], names: ['paytm'], domains: ['paytm.com', 'paytm.in', 'paytmbank.com', 'paytmmoney.com'] },
  { tokens: ['phonepe'], names: ['phonepe', 'phone pe'], domains: ['phonepe.com'] },
  { tokens: ['googlepay', 'gpay'], names: ['google pay', 'gpay'], domains: ['google.com', 'google.co.in', 'pay.google.com'] },
  { tokens: ['bhim', 'npci', 'bhimupi'], names: ['bhim', 'npci'], domains: ['npci.org.in', 'bhimupi.org.in'] },
  { tokens: ['mobikwik'], names: ['mobikwik'], domains: ['mobikwik.com'] },
  { tokens: ['razorpay'], names: ['razorpay'], domains: ['razorpay.com', 'rzp.io', 'razorpay.me'] },
  { tokens: ['freecharge'], names: ['freecharge'], domains: ['freecharge.in'] },
  { tokens: ['paypal'], names: ['paypal'], domains: ['paypal.com', 'paypal.me', 'paypalobjects.com'] },
  { tokens: ['indiapost'], names: ['india post'], domains: ['indiapost.gov.in'] },
  { tokens: ['bluedart'], names: ['blue dart', 'bluedart'], domains: ['bluedart.com'] },
  { tokens: ['delhivery'], names: ['delhivery'], domains: ['delhivery.com'] },
  { tokens: ['dtdc'], names: ['dtdc'], domains: ['dtdc.in', 'dtdc.com'] },
  { tokens: ['dhl'], names: ['dhl'], domains: ['dhl.com', 'dhl.de', 'dhl.co.in', 'dhl.es', 'dhl.com.br'] },
  { tokens: ['fedex'], names: ['fedex'], domains: ['fedex.com'] },
  { tokens: ['ekart', 'ekartlogistics'], names: ['ekart'], domains: ['ekartlogistics.com', 'ekart.com'] },
  { tokens: ['correos'], names: ['correos'], domains: ['correos.es', 'correos.com'] },
  { tokens: ['correios'], names: ['correios'], domains: ['correios.com.br'] },
  { tokens: ['jio', 'myjio', 'reliancejio'], names: ['jio'], domains: ['jio.com', 'ril.com'] },
  { tokens: ['airtel'], names: ['airtel'], domains: ['airtel.in', 'airtel.com'] },
  { tokens: ['myvi', 'vodafoneidea'], names: ['vodafone idea', 'vi app'], domains: ['myvi.in', 'vodafoneidea.com'] },
  { tokens: ['bsnl'], names: ['bsnl'], domains: ['bsnl.co.in', 'bsnl.in'] },
  { tokens: ['incometax', 'incometaxindia'], names: ['income tax'], domains: ['incometax.gov.in', 'incometaxindia.gov.in'] },
  { tokens: ['uidai', 'aadhaar'], names: ['uidai'], domains: ['uidai.gov.in'] },
  { tokens: ['epfo', 'epfindia'], names: ['epfo'], domains: ['epfindia.gov.in'] },
  { tokens: ['amazon', 'amzn'], names: ['amazon'], domains: ['amazon.com', 'amazon.in', 'amazon.co.uk', 'amazon.es', 'amazon.com.br', 'amazon.de', 'amzn.to', 'amzn.in', 'amazonaws.com', 'amazonpay.in'] },
  { tokens: ['flipkart'], names: ['flipkart'], domains: ['flipkart.com', 'fkrt.it', 'fkrt.cc'] },
  { tokens: ['myntra'], names: ['myntra'], domains: ['myntra.com'] },
  { tokens: ['swiggy'], names: ['swiggy'], domains: ['swiggy.com', 'swiggy.in'] },
  { tokens: ['zomato'], names: ['zomato'], domains: ['zomato.com'] },
  { tokens: ['google', 'gmail'], names: ['google', 'gmail'], domains: ['google.com', 'google.co.in', 'google.es', 'google.com.br', 'gmail.com', 'g.co', 'googleusercontent.com', 'youtube.com', 'youtu.be'] },
  { tokens: ['=apple', 'appleid', 'icloud'], names: ['apple id', 'icloud', 'apple'], domains: ['apple.com', 'icloud.com', 'apple.co'] },
  { tokens: ['microsoft', 'office365', '=outlook'], names: ['microsoft', 'office 365'], domains: ['microsoft.com', 'live.com', 'office.com', 'microsoftonline.com', 'outlook.com'] },
  { tokens: ['whatsapp'], names: ['whatsapp'], domains: ['whatsapp.com', 'whatsapp.net', 'wa.me'] },
  { tokens: ['facebook', '=meta'], names: ['facebook'], domains: ['facebook.com', 'fb.com', 'fb.me', 'meta.com', 'messenger.com'] },
  { tokens: ['instagram'], names: ['instagram'], domains: ['instagram.com', 'instagr.am'] },
  { tokens: ['netflix'], names: ['netflix'], domains: ['netflix.com'] },
  { tokens: ['bbva'], names: ['bbva'], domains: ['bbva.es', 'bbva.com', 'bbva.mx'] },
  { tokens: ['santander'], names: ['santander'], domains: ['santander.es', 'santander.com', 'santander.com.br', 'bancosantander.es'] },
  { tokens: ['caixabank'], names: ['caixabank'], domains: ['caixabank.es', 'caixabank.com'] },
  { tokens: ['nubank'], names: ['nubank'], domains: ['nubank.com.br', 'nu.com.br'] },
  { tokens: ['itau'], names: ['itau'], domains: ['itau.com.br'] },
  { tokens: ['bradesco'], names: ['bradesco'], domains: ['bradesco.com.br'] },
  { tokens: ['bancodobrasil'], names: ['banco do brasil'], domains: ['bb.com.br'] },
  { tokens: ['mercadopago', 'mercadolivre', 'mercadolibre'], names: ['mercado pago', 'mercado livre', 'mercado libre'], domains: ['mercadopago.com', 'mercadopago.com.br', 'mercadolivre.com.br', 'mercadolibre.com'] },
];

/** Link shorteners: the destination is hidden from the reader (and from this screen). */
export const SHORTENERS = new Set([
  'bit.ly', 'bitly.com', 'tinyurl.com', 't.co', 'is.gd', 'v.gd', 'cutt.ly', 'rebrand.ly', 'ow.ly', 'goo.gl', 'shorturl.at',
  'rb.gy', 't.ly', 'tiny.cc', 'bl.ink', 's.id', 'buff.ly', 'shorte.st', 'adf.ly', 'clck.ru', 'surl.li', 'tny.im',
  'short.io', 'lnkd.in', 'qrco.de', 'u.to', 'x.gd', 'shrtco.de', 'tinu.be', 'urlz.fr', 'gg.gg', 'snip.ly', 'kutt.it',
]);

/** TLDs over-represented in phishing reports and cheap to register in bulk. */
export const SUSPICIOUS_TLDS = new Set([
  'xyz', 'top', 'tk', 'ml', 'ga', 'cf', 'gq', 'click', 'win', 'club', 'online', 'site', 'icu', 'buzz', 'rest', 'monster',
  'cyou', 'sbs', 'cfd', 'support', 'work', 'loan', 'vip', 'link', 'zip', 'mov', 'country', 'kim', 'men', 'date', 'bid',
  'racing', 'review', 'stream', 'download', 'party', 'science', 'trade', 'accountant', 'cricket', 'faith', 'gdn', 'lol',
  'quest', 'bar', 'cam', 'beauty', 'hair', 'skin', 'shop', 'live', 'fun', 'space', 'website', 'store', 'tokyo', 'pw',
]);
