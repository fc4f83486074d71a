// Language detection: Persian and Arabic told apart by letters and function words, Latin scripts through franc.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectLanguage } from '../../src/nlp/language.js';

const CASES: Array<[string, string]> = [
  ['The Intercept and the New York Times on Monday published a lengthy examination of leaked Iranian intelligence cables.', 'en'],
  ['گزارش‌ها نشان می‌دهد که سپاه پاسداران در عراق نفوذ گسترده‌ای دارد و این موضوع برای دولت چالش است.', 'fa'],
  ['قال مسؤولون عراقيون إن الاستخبارات الإيرانية تسيطر على الفصائل المسلحة في بغداد منذ سنوات طويلة.', 'ar'],
  ['Le ministère des Affaires étrangères a déclaré que la réunion aurait lieu à Genève après les élections.', 'fr'],
  ['Das Außenministerium erklärte, dass das Treffen nach den Wahlen in Genf stattfinden werde.', 'de'],
  ['Министерство иностранных дел заявило, что встреча состоится в Женеве после выборов.', 'ru'],
  ['Leaked cables\nBy Jane Doe\nThe ministry recruited officials in Baghdad over many years.', 'en'],
  ['El ministerio de Asuntos Exteriores dijo que la reunión se celebrará en Ginebra después de las elecciones.', 'es'],
  ['Het ministerie van Buitenlandse Zaken zei dat de bijeenkomst na de verkiezingen in Genève zal plaatsvinden.', 'nl'],
  ['Il ministero degli Esteri ha dichiarato che la riunione si terrà a Ginevra dopo le elezioni.', 'it'],
  ['Bakanlık, toplantının seçimlerden sonra Cenevre\'de yapılacağını açıkladı ve ayrıntı vermedi.', 'tr'],
  ['ok', ''],
  ['', ''],
  ['12345 67890 -- 2019-11-20 08:25 ::: 111', ''],
];

for (const [text, expected] of CASES) {
  test(`detectLanguage: ${expected || 'unsure'} "${text.slice(0, 30)}"`, () => assert.equal(detectLanguage(text), expected));
}
