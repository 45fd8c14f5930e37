// The phrases each text signal is made of, in English, Hindi (Devanagari), Hinglish, Spanish and Portuguese.
// Written naturally: they go through the same normalization as messages (case, accents, Devanagari variants),
// so "contraseña" matches "CONTRASENA" and "बताएँ" matches "बताएं". A word ending in `*` matches as a prefix.
// Signals are evidence, not verdicts: the rules (text-rules.ts) decide what a combination of them means.

export const LEXICON: Record<string, string[]> = {
  // Asking the reader to hand something over.
  ask: [
    'share*', 'send*', 'tell*', 'provide', 'forward', 'give', 'submit', 'reply with', 'disclose', 'read out', 'let me know',
    'bata', 'batao', 'bataye', 'bataiye', 'bata do', 'bata dijiye', 'batana', 'bhej*', 'daalo', 'daal do', 'dalo', 'dijiye', 'de do',
    'बताएं', 'बताइए', 'बताओ', 'बता', 'बतायें', 'भेजें', 'भेजो', 'भेजिए', 'भेज', 'डालें', 'डालो', 'दर्ज करें', 'शेयर', 'साझा',
    'envie', 'envienos', 'enviar', 'envia', 'digame', 'diga', 'indique', 'facilite', 'proporcione', 'responda con',
    'comparta', 'compartir', 'informe', 'informar', 'me passe', 'passe', 'compartilhe', 'forneca', 'mande',
  ],
  // Typing a secret in: legitimate on the bank's own screen, phishing when the message brings the link.
  enter: ['enter', 'type', 'introduzca', 'ingrese', 'digite', 'insira'],
  upi_pin: ['upi pin', 'यूपीआई पिन', 'upi ka pin'],
  // Secrets nobody legitimate asks for in a chat.
  secret_card: [
    'cvv', 'cvc', 'card number', 'card no', 'card details', 'card pin', 'atm pin', 'upi pin', 'mpin', 'm pin', 'expiry date',
    'netbanking password', 'net banking password', 'password', 'passcode', 'user id and password', 'login details', 'credentials',
    'customer id and password', 'card ka number', 'pin',
    'सीवीवी', 'कार्ड नंबर', 'कार्ड का नंबर', 'एटीएम पिन', 'यूपीआई पिन', 'पिन', 'पासवर्ड', 'नेट बैंकिंग पासवर्ड',
    'numero de tarjeta', 'datos de la tarjeta', 'fecha de caducidad', 'contrasena', 'clave', 'pin',
    'numero do cartao', 'dados do cartao', 'senha', 'senha do cartao',
  ],
  // One-time codes: asked for, they hand over an account.
  secret_code: [
    'otp', 'one time password', 'verification code', 'security code', 'digit code', 'code you received', 'code received',
    'code you got', 'code sent', 'code we sent', 'code that', 'code whatsapp', 'sms code', 'code you just',
    'ओटीपी', 'ओ टी पी', 'सत्यापन कोड', 'वेरिफिकेशन कोड', 'कोड',
    'codigo otp', 'codigo de verificacion', 'codigo de seguridad', 'el codigo que', 'codigo que', 'codigo sms',
    'codigo de verificacao', 'codigo de seguranca', 'o codigo que', 'codigo recebido', 'token',
  ],
  postal: ['pin code', 'pincode', 'pin codes'],
  negation: [
    'not', 'never', 't', 'no', 'na', 'mat', 'nahi', 'nahin', 'naa',
    'न', 'ना', 'नहीं', 'मत', 'nunca', 'jamas', 'nao', 'jamais', 'without', 'bina', 'sin', 'sem',
  ],
  // A message that warns against a scam names what the scam asks for.
  advisory: [
    'never ask', 'will never ask', 'never asks', 'never call', 'do not install', 'never install', 'beware', 'be careful', 'stay alert',
    'kabhi nahi maangte', 'kabhi nahi mangte', 'satark', 'सतर्क', 'कभी नहीं मांगता', 'कभी नहीं मांगते', 'nunca pedimos', 'nunca le pediremos',
    'nunca solicitamos', 'cuidado con', 'cuidado com',
  ],
  reassurance: ['do not worry', 'don t worry', 'dont worry', 'no worry', 'no tension', 'tension mat', 'chinta na', 'chinta mat', 'no se preocupe', 'nao se preocupe'],
  remote_app: [
    'anydesk', 'any desk', 'teamviewer', 'team viewer', 'quicksupport', 'quick support', 'rustdesk', 'airdroid', 'ammyy',
    'ultraviewer', 'ultra viewer', 'screen sharing app', 'screen share app', 'remote access app', 'remote desktop app',
    'एनीडेस्क', 'एनी डेस्क', 'टीमव्यूअर',
  ],
  install: ['install*', 'download*', 'instale', 'instalar', 'descargue', 'descarga', 'baixe', 'baixar', 'इंस्टॉल', 'डाउनलोड', 'open the app and share'],
  account: [
    'account', 'a c', 'acct', 'card', 'debit card', 'credit card', 'sim', 'wallet', 'upi id', 'net banking', 'netbanking', 'number',
    'connection', 'electricity', 'power', 'bijli', 'gas connection', 'pan', 'aadhaar', 'aadhar', 'profile', 'page', 'yono', 'id',
    'खाता', 'खाते', 'अकाउंट', 'कार्ड', 'सिम', 'कनेक्शन', 'बिजली', 'cuenta', 'tarjeta', 'conta', 'cartao', 'cadastro', 'pix', 'whatsapp',
  ],
  block: [
    'block*', 'suspend*', 'deactivat*', 'de activated', 'freez*', 'frozen', 'lock*', 'banned', 'ban', 'band', 'disconnect*', 'cut',
    'kat', 'kaat', 'terminat*', 'restrict*', 'on hold', 'limited', 'expire*', 'expiry', 'delet*', 'discontinu*', 'close', 'closed',
    'ब्लॉक', 'बंद', 'निलंबित', 'काट', 'फ्रीज', 'डीएक्टिवेट', 'bloquead*', 'suspendid*', 'cancelad*', 'desactivad*', 'bloque*',
    'retenid*', 'suspens*', 'desativad*', 'encerrad*', 'retid*',
  ],
  urgency: [
    'urgent*', 'immediately', 'right now', 'asap', 'today itself', 'tonight', 'final notice', 'last warning', 'expires today',
    'expire today', 'before midnight', 'within', 'turant', 'jaldi', 'fauran', 'aaj raat', 'abhi', 'तुरंत', 'जल्दी', 'आज रात', 'अभी',
    'inmediatamente', 'urgente', 'de inmediato', 'hoy mismo', 'imediatamente', 'agora mesmo', 'agora', 'ate amanha', 'em ate',
  ],
  cta: [
    'click*', 'tap', 'visit', 'log in', 'login', 'verify', 'update*', 'confirm', 'call', 'contact', 'link', 'reactivate', 'restore',
    'unlock', 'regularize', 'क्लिक', 'लिंक', 'अपडेट', 'कॉल', 'संपर्क', 'haga clic', 'pulse', 'verifique', 'acceda', 'actualice',
    'llame', 'acesse', 'clique', 'atualize', 'confirme', 'ligue', 'regularize',
  ],
  kyc: ['kyc', 'e kyc', 'ekyc', 're kyc', 'rekyc', 'केवाईसी', 'pan update', 'pan card update'],
  lure_prize: [
    'won', 'you have won', 'winner', 'lucky draw', 'lottery', 'lotto', 'jackpot', 'prize', 'gift voucher', 'kbc', 'kaun banega crorepati',
    'crorepati', 'jeeta', 'jeeti', 'jeete', 'जीते', 'जीती', 'जीता', 'लॉटरी', 'इनाम', 'पुरस्कार', 'कौन बनेगा करोड़पति', 'ganado', 'ganador*',
    'premio', 'loteria', 'sorteo', 'ganhou', 'sorteio', 'free iphone', 'selected for', 'free gift', 'gift parcel', 'gift package', 'cash prize',
  ],
  lure_job: [
    'work from home', 'part time job', 'job offer', 'earn', 'earn daily', 'daily salary', 'per day', 'ghar baithe', 'ghar se kaam',
    'kamao', 'kamaye', 'कमाएं', 'घर बैठे', 'घर से काम', 'नौकरी', 'naukri', 'government job', 'guaranteed selection', 'interview slot',
    'trabajo desde casa', 'empleo desde casa', 'gane', 'trabalhe de casa', 'home office', 'vaga de emprego', 'ganhe', 'hiring',
    'liking youtube videos', 'rating hotels', 'task',
  ],
  task_scam: [
    'task', 'tasks', 'per task', 'premium tasks', 'prepaid task', 'work from home', 'part time job', 'ghar baithe', 'rating hotels',
    'liking youtube videos', 'telegram', 'घर बैठे', 'trabajo desde casa', 'trabalhe de casa',
  ],
  charge_scare: ['will be debited', 'has been charged', 'will be charged', 'auto renewal', 'auto renew', 'subscription renewed', 'will be deducted'],
  lost_phone: [
    'lost my phone', 'my new number', 'this is my new number', 'mera phone kho gaya', 'naya number', 'mera naya number', 'perdi mi telefono',
    'mi nuevo numero', 'perdi meu celular', 'meu novo numero', 'मेरा नया नंबर', 'troquei de numero', 'mudei de numero',
    'cambie de numero', 'numero nuevo', 'novo numero', 'new phone number', 'se me rompio el movil',
  ],
  lure_loan: ['loan', 'instant loan', 'personal loan', 'without documents', 'bina documents', 'no cibil', 'लोन', 'prestamo', 'emprestimo'],
  lure_invest: [
    'invest*', 'trading', 'crypto*', 'stock market', 'returns', 'profit', 'double your money', 'paisa double', 'money double',
    'निवेश', 'inversion', 'invierta', 'criptomonedas', 'invista', 'investimento', 'rendimento', 'lucro',
  ],
  guarantee: ['guarantee*', 'guaranteed returns', '100 guaranteed', 'double your money', 'paisa double', 'money double', 'garantizad*', 'garantid*', 'गारंटी', 'duplique su dinero'],
  fee: [
    'fee', 'fees', 'registration fee', 'processing fee', 'charge', 'charges', 'file charge', 'deposit', 'security deposit',
    'refundable deposit', 'tax', 'gst', 'customs', 'shipping', 'delivery charges', 'joining fee', 'joining amount', 'subscription fee',
    'insurance charges', 'clearance fee', 'shulk', 'शुल्क', 'फीस', 'जमा', 'जीएसटी', 'cuota', 'comision', 'gastos', 'tasa*',
    'de envio', 'inscripcion', 'cuota de inscripcion', 'deposito', 'deposite', 'taxa', 'frete', 'de cadastro', 'inscricao',
    'taxa de inscricao', 'tarifa',
  ],
  pay: [
    'pay', 'pay now', 'transfer*', 'send rs', 'send money', 'deposit', 'jama karein', 'paise bhejo', 'pay karo', 'bhugtan karein',
    'भुगतान करें', 'जमा करें', 'pague', 'pagar', 'transfiera', 'deposite', 'faca o pix', 'transfira', 'pix', 'transferencia',
  ],
  threat_violence: [
    'kill you', 'will kill you', 'break your legs', 'break your', 'hurt you', 'beat you', 'burn your', 'shoot you', 'throw acid',
    'jaan se maar', 'maar dunga', 'maar dalunga', 'maar doonga', 'pitunga', 'pit dunga', 'tod dunga', 'जान से मार', 'मार दूंगा',
    'मारूंगा', 'मार डालूंगा', 'te voy a matar', 'te mato', 'vou te matar', 'te matar', 'something will happen to',
    'kill yourself', 'go die', 'mar ja', 'मर जा', 'partir la cara', 'romper la cara', 'te voy a pegar', 'quebrar a cara',
    'vou te pegar', 'te dar uma surra', 'haddi tod', 'हड्डी तोड़',
  ],
  intimidation: [
    'know where you live', 'i know where you', 'we know where you', 'come to your house', 'find you', 'dekh lunga', 'देख लूंगा', 'ghar aake',
    'घर आकर', 'chhodunga nahi', 'छोड़ूंगा नहीं', 'bach ke rehna', 'बुरा हाल', 'bura haal', 'sabemos donde viv*', 'sei onde voce mora',
    'sabemos onde voce mora', 'te encontrar', 'make your life hell', 'watch your back', 'you will pay for this', 'you ll pay for this',
    'te vas a enterar', 'voce vai ver',
  ],
  regret: ['regret it', 'will regret', 'te vas a arrepentir', 'se arrepender', 'vai se arrepender', 'पछताएगा', 'pachtayega'],
  extortion: [
    'your photos', 'morphed photos', 'photos viral', 'photo viral', 'share your photos', 'viral kar', 'teri photo', 'तेरी फोटो',
    'tus fotos', 'suas fotos', 'publicaremos', 'espalhar', 'बदनाम',
  ],
  threat_conditional: [
    'or i will', 'or else', 'or we will', 'warna', 'nahi to', 'nahi bhari to', 'नहीं तो', 'तो तेरी', 'if you don t', 'if you do not',
    'si no', 'o publicaremos', 'ou vamos', 'se voce nao', 'nahi lautaye', 'नहीं लौटाए', 'nahi diye to', 'paga lo que', 'paga o que',
  ],
  insult: ['idiot', 'stupid', 'worthless', 'bastard', 'moron', 'loser', 'everyone hates you', 'inutil', 'pathetic', 'kamina', 'kamine', 'harami', 'कमीने', 'हरामी', 'idiota', 'estupido', 'imbecil', 'otario'],
  fake: ['fake', 'nakli', 'नकली', 'falso*', 'falsa*', 'original look*', 'duplicate'],
  document: [
    'aadhaar', 'aadhar', 'pan card', 'passport', 'licence', 'license', 'driving licence', 'degree', 'certificate*', 'marksheet',
    'dni', 'pasaporte*', 'carnet*', 'cnh', 'rg', 'documentos', 'documents', 'आधार', 'पैन', 'पासपोर्ट',
  ],
  drugs: ['ganja', 'charas', 'mdma', 'cocaine', 'heroin', 'brown sugar', 'meth', 'lsd', 'weed', 'cocaina', 'maconha', 'marihuana', 'गांजा', 'चरस'],
  rx_drugs: ['tramadol', 'codeine', 'alprazolam', 'oxycodone', 'xanax'],
  no_prescription: ['without prescription', 'prescription free', 'no prescription', 'sin receta', 'sem receita'],
  weapons: ['pistol*', 'revolver', 'katta', 'country made', 'cartridge*', 'ammunition', 'rifle', 'desi katta', 'armas de fogo', 'pistola*'],
  toy: ['water pistol*', 'toy pistol*', 'toy gun*', 'pichkari', 'nerf'],
  no_licence: ['no licence', 'no license', 'without licence', 'without license', 'unregistered', 'sin licencia', 'sem licenca'],
  // Identities and accounts for hire: SIMs without KYC, bank accounts "rented" to move scam money.
  identity_trade: [
    'sim cards in any name', 'sim in any name', 'pre activated sim', 'verified sim', 'sim without kyc', 'without kyc',
    'bank account for rent', 'rent your bank account', 'rent your account', 'mule account', 'current account for rent',
    'account kiraye pe', 'खाता किराए पर', 'cuenta en alquiler', 'alugue sua conta',
  ],
  organ: ['kidney', 'riñon', 'rim', 'किडनी'],
  trade: ['sell*', 'buy', 'vendo', 'vendemos', 'vender', 'compro', 'bechna', 'bechein', 'बेचें'],
  offer: ['buy', 'sell*', 'selling', 'home delivery', 'delivery', 'available', 'order', 'vendo', 'vendemos', 'venta', 'compre', 'entrega'],
  piracy: ['pirated', 'piracy', 'cracked software', 'cracked apps', 'keygen', 'nulled', 'pirata*'],
  contraction: ['won t', 'don t', 'can t'],
  legal_threat: [
    'legal action', 'fir', 'court case', 'arrest warrant', 'police complaint', 'kanooni karwai', 'कानूनी कार्रवाई', 'accion legal',
    'acciones legales', 'acao judicial', 'medidas legais', 'penalty',
  ],
  authority: ['cbi', 'police', 'cyber crime', 'cyber cell', 'narcotics', 'ncb', 'enforcement directorate', 'customs and', 'rbi officer', 'trai', 'पुलिस', 'सीबीआई'],
  crime: [
    'illegal', 'drugs', 'money laundering', 'arrest*', 'digital arrest', 'warrant', 'गिरफ्तार', 'अवैध', 'police case', 'case ho jayega',
    'jail', 'bail', 'custody', 'हिरासत', 'जेल', 'detenido', 'preso',
  ],
  call: ['call', 'contact', 'whatsapp', 'call karo', 'call kare', 'संपर्क', 'कॉल', 'llame', 'ligue'],
  receive: ['receive', 'get', 'claim', 'cashback', 'refund', 'pao', 'paen', 'paaye', 'पाएं', 'recibir', 'receba', 'reembolso'],
};
