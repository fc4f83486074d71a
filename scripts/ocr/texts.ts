/** Page texts for the OCR evaluation and benchmark, written for this project (no outside source): Persian, Arabic, English. */

/** One made-up page per language, in the register of cables and news reports, with names, dates and numbers. */
export const OCR_TEXTS: Record<'fa' | 'ar' | 'en', string> = {
  fa: `گزارش شماره ۴۱۲ به تاریخ ۱۸ آبان ۱۳۹۸

موضوع: دیدار با معاون استاندار در بصره

در این دیدار که در دفتر کنسولگری برگزار شد، معاون استاندار گفت که شرکت‌های حمل و نقل در ماه‌های گذشته بیش از دو برابر سال پیش کالا از مرز شلمچه جابه‌جا کرده‌اند. او از همکاری گمرک دو کشور تشکر کرد و خواستار افزایش پروازهای مستقیم میان شیراز و بصره شد.

به گفته وی، گروهی از بازرگانان محلی نگران قطع برق در تابستان هستند و از دولت مرکزی انتظار دارند که بودجه نیروگاه جدید را زودتر تصویب کند. کارشناس اقتصادی سفارت ارزیابی کرد که این درخواست‌ها در هفته‌های آینده در جلسه کمیسیون مشترک مطرح خواهد شد.`,
  ar: `تقرير رقم ٢٧ بتاريخ ١٢ تشرين الثاني ٢٠١٩

الموضوع: لقاء مع نائب محافظ البصرة

عقد القنصل لقاء مع نائب المحافظ في مكتبه يوم الثلاثاء، وقال المسؤول إن شركات النقل نقلت خلال الأشهر الماضية ضعف ما نقلته في العام السابق عبر منفذ الشلامجة الحدودي. وأشاد بتعاون الجمارك في البلدين وطالب بزيادة الرحلات المباشرة بين شيراز والبصرة.

وأضاف أن عددا من التجار المحليين يخشون انقطاع الكهرباء في الصيف، ويأملون أن تقر الحكومة المركزية ميزانية المحطة الجديدة في وقت قريب. ورأى الخبير الاقتصادي في السفارة أن هذه المطالب ستطرح في اجتماع اللجنة المشتركة خلال الأسابيع المقبلة.`,
  en: `Report no. 412, 9 November 2019

Subject: meeting with the deputy governor of Basra

At the meeting, held in the consulate's office, the deputy governor said that transport companies had moved more than twice last year's volume of goods across the Shalamcheh crossing in recent months. He thanked the customs services of both countries and asked for more direct flights between Shiraz and Basra.

According to him, a group of local traders fear power cuts in the summer and expect the central government to approve the budget of the new power station soon. The embassy's economic officer assessed that these requests would be raised at the joint commission's meeting in the coming weeks.`,
};
