"""The sentences of the methodology note, in English, Arabic and Central Kurdish (Sorani)."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "uncertainty.treat": "The outlier treatment was also drawn among: {treat}.",
        "impute.latest": "Each missing value is replaced by the unit's value of the same indicator in the latest earlier period that has one (COINr's impute_panel, \"latest\"); values with none stay missing.",
        "copeland": "Copeland outranking count (COINr's a_copeland): units beaten minus units beating",
        "treat.transformed": "Indicators transformed (COINr's Treat): {items}.",
        "treat.transform": "Indicators failing the skewness/kurtosis test (skewness ≥ {skew} and kurtosis ≥ {kurt}) were transformed with {method}.",
        "treat.by_indicator": "Indicators with their own treatment: {items}.",
        "denominate": "Indicators divided by a denominator column (COINr's Denominate: x ÷ (denominator ÷ scale)): {items}.",
        "denominate.none": "The metadata names denominators, but the recipe asks for none: indicators are used as they are.",
        "screen.after": "Screening was applied to the imputed data (as in COINr's examples), so units whose gaps imputation filled are kept.",
        "screen.zeros": "Units with non-zero values for less than {share} of their available indicators are also left out.",
        "dat_thresh": "An aggregate is missing when fewer than {share} of its direct children have data{levels}.",
        "dat_thresh.levels": " (by level: {levels})",
        "title": "Methodology of the index {name}",
        "data": "Data: {units} units and {indicators} indicators, aggregated through {aggregates} aggregates "
        "over {levels} levels.",
        "h_screen": "1. Screening",
        "screen": "Units with data for less than {unit_min} of the indicators and indicators with data for less "
        "than {ind_min} of the units are left out. Units left out: {units}. Indicators left out: {indicators}.",
        "h_impute": "2. Missing values",
        "impute.none": "No imputation: missing values stay missing and are handled by the aggregation's N/A rule "
        "({cells} missing values).",
        "impute.mean": "Each missing value is replaced by the indicator's mean over all units.",
        "impute.median": "Each missing value is replaced by the indicator's median over all units.",
        "impute.group_mean": "Each missing value is replaced by the indicator's mean over the units of the same "
        "group (column {group}); where a group has no value, by the mean over all units.",
        "impute.em": "Expectation–maximisation for a multivariate normal distribution on the standardised "
        "indicators: each missing value is predicted from the unit's observed values; {rounds} rounds "
        "(tolerance {tol}, at most {max_iter}), {converged}.",
        "converged": "converged",
        "not_converged": "not converged",
        "imputed": "{imputed} values were imputed ({share} of all values); each is flagged in the imputed-cells table.",
        "h_treat": "3. Outliers",
        "treat.none": "No outlier treatment.",
        "treat.winsorise": "Indicators with absolute skewness of at least {skew} and kurtosis of at least {kurt} were "
        "winsorised: the most extreme value was replaced by the next one inward, at most {winmax} "
        "values per indicator. Indicators treated: {indicators}; values changed: {cells}. Still "
        "outside the limits: {still}.",
        "h_normalise": "4. Normalisation",
        "normalise.minmax": "Min-max normalisation to {low}–{high}: (x − min)/(max − min).",
        "normalise.zscore": "Standard scores: (x − mean)/standard deviation, rescaled to mean {mean} and standard "
        "deviation {sd}.",
        "normalise.goalposts": "Goalposts: (x − low goalpost)/(high goalpost − low goalpost) for each indicator, cut "
        "to 0–1 and multiplied by {scale}.",
        "fallback": "Indicators without goalposts were min-max normalised to 0–{scale} instead: {indicators}.",
        "normalise.rank": "Ranks: 1 for the lowest value; tied values share the lowest rank.",
        "normalise.dist2target": "Distance to target: (x − min)/(target − min) for each indicator, {cap}multiplied "
        "by {scale}.",
        "cap": "capped at 1 and ",
        "normalise.compass": "UNDP Digital Development Compass scale: min-max to 1–5.99 over the data and, where "
        "known, the indicator's theoretical range.",
        "normalise.compass_quintile": "UNDP Digital Development Compass quintile hybrid: values in the k-th fifth of "
        "the distribution are min-max normalised within that fifth to k…k+0.99.",
        "inverted": "Indicators where a lower value is better were inverted: {indicators}.",
        "h_weights": "5. Weights",
        "weights.equal": "Equal weights for the children of each aggregate.",
        "weights.explicit": "Weights as given in the metadata (expert or framework weights).",
        "weights.pca": "Weights from principal component analysis: within each aggregate, the squared loadings of "
        "its children on the first principal component of their correlation matrix.",
        "weights.budget": "Budget allocation: experts distributed 100 points over the children of each aggregate; "
        "weight = points / 100.",
        "h_aggregate": "6. Aggregation",
        "aggregate.level": "Level {level}: {mean} ({nodes}).",
        "arithmetic": "arithmetic mean, Σ w·x / Σ w",
        "geometric": "geometric mean, exp(Σ w·ln x / Σ w)",
        "harmonic": "harmonic mean, Σ w / Σ (w/x)",
        "na.reweight": "A missing child is left out and the weights of the others are scaled up.",
        "na.zero": "A missing child counts as 0.",
        "na.nodes": "Missing values count as 0 for: {nodes}.",
        "na.nodes_reweight": "Missing values are left out (the others re-weighted) for: {nodes}.",
        "availability": "Each score comes with its data availability: the share of the indicators under it that "
        "had data before imputation.",
        "h_stages": "7. Stages",
        "stages.none": "No stages were assigned.",
        "stage.ladder": "Maturity stage = whole part of the score on 0–5 ({nodes}).",
        "stage.gtmi": "GovTech Maturity Index groups: A ≥ 0.75, B ≥ 0.50, C ≥ 0.25, otherwise D ({nodes}).",
        "stage.egdi": "E-Government Development Index groups: very high > 0.75, high ≥ 0.50, middle ≥ 0.25, "
        "otherwise low ({nodes}).",
        "stage.egdi_class": "E-Government rating classes: each group split in four classes of width 0.0625 "
        "({nodes}).",
        "stage.compass": "Digital Development Compass stage = whole part of the 1–5.99 score ({nodes}).",
        "stage.gci": "Global Cybersecurity Index tiers: T1 ≥ 95, T2 ≥ 85, T3 ≥ 55, T4 ≥ 20, otherwise T5 ({nodes}).",
        "scaled": " Scores were rescaled from 0–{max} to the scheme's scale.",
        "h_uncertainty": "8. Uncertainty analysis",
        "uncertainty": "Monte Carlo with {runs} runs (seed {seed}): each weight multiplied by 1 ± up to {noise}; "
        "imputation drawn among {impute}; normalisation among {normalise}; aggregation among "
        "{aggregate}. Reported per unit: the {low}–{high} score interval, the rank interval and the "
        "share of runs in the nominal stage.",
        "recipe_choice": "the recipe's",
        "none": "none",
        "more": "… and {count} more",
    },
    "ar": {
        "uncertainty.treat": "وسُحبت معالجة القيم المتطرفة أيضاً من بين: {treat}.",
        "impute.latest": 'تُعوَّض كل قيمة ناقصة بقيمة الوحدة للمؤشر نفسه في أحدث فترة سابقة تتوفر فيها (impute_panel في COINr، "latest")؛ وتبقى ناقصة إن لم توجد.',
        "copeland": "عدّ التفوّق بطريقة كوبلاند (a_copeland في COINr): الوحدات المتفوَّق عليها ناقص المتفوِّقة",
        "treat.transformed": "مؤشرات حُوّلت (Treat في COINr): {items}.",
        "treat.transform": "حُوّلت المؤشرات التي لم تجتز اختبار الالتواء/التفرطح (الالتواء ≥ {skew} والتفرطح ≥ {kurt}) بالطريقة {method}.",
        "treat.by_indicator": "مؤشرات لها معالجة خاصة: {items}.",
        "denominate": "قُسمت مؤشرات على عمود مقام (Denominate في COINr: x ÷ (المقام ÷ المعامل)): {items}.",
        "denominate.none": "تحدّد البيانات الوصفية مقامات، لكن الوصفة لا تطلب القسمة: تُستخدم المؤشرات كما هي.",
        "screen.after": "طُبّق الفرز على البيانات بعد التعويض (كما في أمثلة COINr)، فبقيت الوحدات التي أكمل التعويض نواقصها.",
        "screen.zeros": "وتُستبعد أيضاً الوحدات التي لها قيم غير صفرية لأقل من {share} من مؤشراتها المتوفرة.",
        "dat_thresh": "يكون المؤشر التجميعي ناقصاً إذا كانت البيانات متوفرة لأقل من {share} من عناصره الفرعية المباشرة{levels}.",
        "dat_thresh.levels": " (حسب المستوى: {levels})",
        "title": "منهجية المؤشر المركّب {name}",
        "data": "البيانات: {units} وحدة و{indicators} مؤشراً، جُمعت عبر {aggregates} مؤشراً تجميعياً في {levels} مستويات.",
        "h_screen": "1. الفرز",
        "screen": "تُستبعد الوحدات التي تتوفر بياناتها لأقل من {unit_min} من المؤشرات، والمؤشرات التي تتوفر بياناتها "
        "لأقل من {ind_min} من الوحدات. الوحدات المستبعدة: {units}. المؤشرات المستبعدة: {indicators}.",
        "h_impute": "2. القيم الناقصة",
        "impute.none": "لا تعويض: تبقى القيم الناقصة ناقصة وتعالجها قاعدة القيم غير المتاحة في التجميع "
        "({cells} قيمة ناقصة).",
        "impute.mean": "تُعوَّض كل قيمة ناقصة بمتوسط المؤشر على جميع الوحدات.",
        "impute.median": "تُعوَّض كل قيمة ناقصة بوسيط المؤشر على جميع الوحدات.",
        "impute.group_mean": "تُعوَّض كل قيمة ناقصة بمتوسط المؤشر على وحدات المجموعة نفسها (العمود {group})؛ "
        "وإذا لم تكن للمجموعة أي قيمة فبالمتوسط على جميع الوحدات.",
        "impute.em": "خوارزمية التوقع والتعظيم لتوزيع طبيعي متعدد المتغيرات على المؤشرات المعيارية: تُقدَّر كل "
        "قيمة ناقصة من القيم المرصودة للوحدة؛ {rounds} جولة (التفاوت المسموح {tol}، بحد أقصى "
        "{max_iter})، {converged}.",
        "converged": "وقد تقاربت",
        "not_converged": "ولم تتقارب",
        "imputed": "عُوّضت {imputed} قيمة ({share} من جميع القيم)؛ وكل منها معلَّمة في جدول الخلايا المعوَّضة.",
        "h_treat": "3. القيم المتطرفة",
        "treat.none": "لا معالجة للقيم المتطرفة.",
        "treat.winsorise": "شُذّبت المؤشرات التي لا يقل التواؤها المطلق عن {skew} ولا يقل تفرطحها عن {kurt}: "
        "استُبدلت القيمة الأشد تطرفاً بالقيمة التالية لها نحو الداخل، بحد أقصى {winmax} قيم لكل "
        "مؤشر. المؤشرات المعالجة: {indicators}؛ القيم المعدّلة: {cells}. ما زال خارج الحدود: {still}.",
        "h_normalise": "4. التطبيع",
        "normalise.minmax": "تطبيع الحد الأدنى-الأقصى إلى {low}–{high}: (x − الأدنى)/(الأقصى − الأدنى).",
        "normalise.zscore": "الدرجات المعيارية: (x − المتوسط)/الانحراف المعياري، بمتوسط {mean} وانحراف معياري {sd}.",
        "normalise.goalposts": "الحدود المرجعية: (x − الحد الأدنى)/(الحد الأعلى − الحد الأدنى) لكل مؤشر، محصورة "
        "بين 0 و1 ومضروبة في {scale}.",
        "fallback": "المؤشرات التي ليست لها حدود مرجعية طُبّعت بالحد الأدنى-الأقصى إلى 0–{scale}: {indicators}.",
        "normalise.rank": "الرتب: 1 لأدنى قيمة؛ وتتشارك القيم المتساوية أدنى رتبة.",
        "normalise.dist2target": "المسافة إلى الهدف: (x − الأدنى)/(الهدف − الأدنى) لكل مؤشر، {cap}مضروبة في {scale}.",
        "cap": "بحد أقصى 1 و",
        "normalise.compass": "مقياس البوصلة الرقمية للتنمية لبرنامج الأمم المتحدة الإنمائي: الحد الأدنى-الأقصى إلى "
        "1–5.99 على البيانات وعلى المدى النظري للمؤشر إن كان معروفاً.",
        "normalise.compass_quintile": "الطريقة الهجينة بالأخماس للبوصلة الرقمية للتنمية: القيم في الخُمس رقم k من "
        "التوزيع تُطبَّع داخل ذلك الخُمس إلى k…k+0.99.",
        "inverted": "عُكست المؤشرات التي تكون فيها القيمة الأدنى أفضل: {indicators}.",
        "h_weights": "5. الأوزان",
        "weights.equal": "أوزان متساوية للعناصر الفرعية لكل مؤشر تجميعي.",
        "weights.explicit": "الأوزان كما وردت في البيانات الوصفية (أوزان الخبراء أو الإطار).",
        "weights.pca": "أوزان من تحليل المكونات الرئيسية: داخل كل مؤشر تجميعي، مربعات تشبّعات عناصره الفرعية على "
        "المكوّن الرئيسي الأول لمصفوفة ارتباطها.",
        "weights.budget": "توزيع الموازنة: وزّع الخبراء 100 نقطة على العناصر الفرعية لكل مؤشر تجميعي؛ الوزن = النقاط / 100.",
        "h_aggregate": "6. التجميع",
        "aggregate.level": "المستوى {level}: {mean} ({nodes}).",
        "arithmetic": "المتوسط الحسابي، Σ w·x / Σ w",
        "geometric": "المتوسط الهندسي، exp(Σ w·ln x / Σ w)",
        "harmonic": "المتوسط التوافقي، Σ w / Σ (w/x)",
        "na.reweight": "يُستبعد العنصر الفرعي الناقص وتُرفع أوزان العناصر الأخرى بالتناسب.",
        "na.zero": "يُحتسب العنصر الفرعي الناقص صفراً.",
        "na.nodes": "تُحتسب القيم الناقصة صفراً في: {nodes}.",
        "na.nodes_reweight": "تُستبعد القيم الناقصة (وتُعاد موازنة الأوزان) في: {nodes}.",
        "availability": "ترافق كل درجة نسبة توفر البيانات: نسبة المؤشرات المندرجة تحتها التي كانت لها بيانات قبل التعويض.",
        "h_stages": "7. المراحل",
        "stages.none": "لم تُحدَّد مراحل.",
        "stage.ladder": "مرحلة النضج = الجزء الصحيح من الدرجة على المقياس 0–5 ({nodes}).",
        "stage.gtmi": "مجموعات مؤشر نضج التكنولوجيا الحكومية: A ≥ 0.75، B ≥ 0.50، C ≥ 0.25، وإلا D ({nodes}).",
        "stage.egdi": "مجموعات مؤشر تطور الحكومة الإلكترونية: مرتفع جداً > 0.75، مرتفع ≥ 0.50، متوسط ≥ 0.25، "
        "وإلا منخفض ({nodes}).",
        "stage.egdi_class": "فئات تصنيف الحكومة الإلكترونية: تُقسم كل مجموعة إلى أربع فئات عرض كل منها 0.0625 ({nodes}).",
        "stage.compass": "مرحلة البوصلة الرقمية للتنمية = الجزء الصحيح من الدرجة 1–5.99 ({nodes}).",
        "stage.gci": "مستويات المؤشر العالمي للأمن السيبراني: T1 ≥ 95، T2 ≥ 85، T3 ≥ 55، T4 ≥ 20، وإلا T5 ({nodes}).",
        "scaled": " حُوّلت الدرجات من 0–{max} إلى مقياس المخطط.",
        "h_uncertainty": "8. تحليل عدم اليقين",
        "uncertainty": "محاكاة مونت كارلو بـ {runs} تشغيلة (البذرة {seed}): يُضرب كل وزن في 1 ± حتى {noise}؛ "
        "ويُختار التعويض من بين {impute}؛ والتطبيع من بين {normalise}؛ والتجميع من بين {aggregate}. "
        "يُعرض لكل وحدة: مجال الدرجة {low}–{high}، ومجال الرتبة، ونسبة التشغيلات التي تبقى فيها "
        "في مرحلتها الاسمية.",
        "recipe_choice": "ما في الوصفة",
        "none": "لا يوجد",
        "more": "… و{count} أخرى",
    },
    "ckb": {
        "uncertainty.treat": "چارەسەری بەھا نامۆکانیش لە نێوان ئەمانەدا ھەڵبژێردرا: {treat}.",
        "impute.latest": 'ھەر بەھایەکی ونبوو بە بەھای ھەمان پێوەری یەکەکە لە نوێترین ماوەی پێشوو کە ھەیبێت پڕ دەکرێتەوە (impute_panel ی COINr، "latest")؛ ئەوانەی نییانە ون دەمێننەوە.',
        "copeland": "ژماردنی سەرکەوتنی کۆپلاند (a_copeland ی COINr): ئەو یەکانەی لێیان دەباتەوە کەم ئەوانەی لێی دەبەنەوە",
        "treat.transformed": "پێوەرە گۆڕدراوەکان (Treat ی COINr): {items}.",
        "treat.transform": "ئەو پێوەرانەی لە تاقیکردنەوەی لاری/تیژی دەرنەچوون (لاری ≥ {skew} و تیژی ≥ {kurt}) بە {method} گۆڕدران.",
        "treat.by_indicator": "پێوەرەکان بە چارەسەری تایبەتی خۆیان: {items}.",
        "denominate": "پێوەرەکان دابەش کران بە ستوونی دابەشکەر (Denominate ی COINr: x ÷ (دابەشکەر ÷ ڕێژە)): {items}.",
        "denominate.none": "زانیاریی وەسفی دابەشکەر دیاری دەکات، بەڵام ڕەچەتەکە داوای ناکات: پێوەرەکان وەک خۆیان بەکاردێن.",
        "screen.after": "پاڵاوتن لەسەر داتای پڕکراوە کرا (وەک نموونەکانی COINr)، بۆیە ئەو یەکانەی پڕکردنەوە کەلێنەکانیانی پڕ کردەوە دەمێننەوە.",
        "screen.zeros": "ھەروەھا ئەو یەکانەی بەھای نا-سفریان بۆ کەمتر لە {share}ی پێوەرە بەردەستەکانیان ھەیە دەردەھێنرێن.",
        "dat_thresh": "کۆکراوەیەک ون دەبێت کاتێک کەمتر لە {share}ی لقە ڕاستەوخۆکانی داتایان ھەیە{levels}.",
        "dat_thresh.levels": " (بەپێی ئاست: {levels})",
        "title": "میتۆدۆلۆژیای ئیندێکسی {name}",
        "data": "داتا: {units} یەکە و {indicators} پێوەر، لە ڕێگەی {aggregates} کۆکراوە لە {levels} ئاستدا کۆکراونەتەوە.",
        "h_screen": "1. پاڵاوتن",
        "screen": "ئەو یەکانەی داتایان بۆ کەمتر لە {unit_min}ی پێوەرەکان ھەیە و ئەو پێوەرانەی داتایان بۆ کەمتر لە "
        "{ind_min}ی یەکەکان ھەیە دەرھێنران. یەکە دەرھێنراوەکان: {units}. پێوەرە دەرھێنراوەکان: {indicators}.",
        "h_impute": "2. بەھا ونبووەکان",
        "impute.none": "پڕکردنەوە نییە: بەھا ونبووەکان وەک خۆیان دەمێننەوە و یاسای نەبوونی کۆکردنەوە "
        "چارەسەریان دەکات ({cells} بەھای ونبوو).",
        "impute.mean": "ھەر بەھایەکی ونبوو بە تێکڕای پێوەرەکە لە ھەموو یەکەکاندا پڕکرایەوە.",
        "impute.median": "ھەر بەھایەکی ونبوو بە ناوەندی پێوەرەکە لە ھەموو یەکەکاندا پڕکرایەوە.",
        "impute.group_mean": "ھەر بەھایەکی ونبوو بە تێکڕای پێوەرەکە لە یەکەکانی ھەمان گروپ (ستوونی {group}) "
        "پڕکرایەوە؛ ئەگەر گروپەکە ھیچ بەھایەکی نەبوو، بە تێکڕای ھەموو یەکەکان.",
        "impute.em": "ئەلگۆریتمی چاوەڕوانی و زۆرترینکردن بۆ دابەشبوونێکی ئاسایی فرەگۆڕاو لەسەر پێوەرە "
        "ستانداردکراوەکان: ھەر بەھایەکی ونبوو لە بەھا بینراوەکانی یەکەکە پێشبینی دەکرێت؛ {rounds} خول "
        "(ڕێگەپێدراو {tol}، زۆرترین {max_iter})، {converged}.",
        "converged": "نزیکبووەوە",
        "not_converged": "نزیک نەبووەوە",
        "imputed": "{imputed} بەھا پڕکرانەوە ({share}ی ھەموو بەھاکان)؛ ھەریەکەیان لە خشتەی خانە "
        "پڕکراوەکاندا نیشانە کراوە.",
        "h_treat": "3. بەھا نامۆکان",
        "treat.none": "چارەسەری بەھای نامۆ نەکرا.",
        "treat.winsorise": "ئەو پێوەرانەی لاریی ڕەھایان لانیکەم {skew} و تیژییان لانیکەم {kurt} بوو وینسۆرایز کران: "
        "توندترین بەھا بە بەھای دواتر بەرەو ناوەوە گۆڕدرا، زۆرترین {winmax} بەھا بۆ ھەر پێوەرێک. "
        "پێوەرە چارەسەرکراوەکان: {indicators}؛ بەھا گۆڕاوەکان: {cells}. ھێشتا لە دەرەوەی سنوور: {still}.",
        "h_normalise": "4. ئاساییکردنەوە",
        "normalise.minmax": "ئاساییکردنەوەی کەمترین-زۆرترین بۆ {low}–{high}: (x − کەمترین)/(زۆرترین − کەمترین).",
        "normalise.zscore": "نمرەی ستاندارد: (x − تێکڕا)/لادانی پێوانەیی، بە تێکڕای {mean} و لادانی پێوانەیی {sd}.",
        "normalise.goalposts": "سنووری ئامانج: (x − سنووری خوارەوە)/(سنووری سەرەوە − سنووری خوارەوە) بۆ ھەر "
        "پێوەرێک، لە نێوان 0 و 1 بڕدراوە و لە {scale} دراوە.",
        "fallback": "ئەو پێوەرانەی سنووری ئامانجیان نەبوو لە جیاتی ئەوە بە کەمترین-زۆرترین بۆ 0–{scale} ئاسایی "
        "کرانەوە: {indicators}.",
        "normalise.rank": "پلە: 1 بۆ نزمترین بەھا؛ بەھا یەکسانەکان نزمترین پلە بەش دەکەن.",
        "normalise.dist2target": "دووری لە ئامانج: (x − کەمترین)/(ئامانج − کەمترین) بۆ ھەر پێوەرێک، {cap}لە {scale} دراوە.",
        "cap": "بە سنووری 1 و ",
        "normalise.compass": "پێوەری قیبلەنمای گەشەپێدانی دیجیتاڵی UNDP: کەمترین-زۆرترین بۆ 1–5.99 لەسەر داتاکە و، "
        "ئەگەر زانراو بێت، مەودای تیۆریی پێوەرەکە.",
        "normalise.compass_quintile": "شێوازی تێکەڵی پێنجیەکانی قیبلەنمای گەشەپێدانی دیجیتاڵی: بەھاکانی پێنجیەکی "
        "ژمارە k لە دابەشبوونەکە لەناو ئەو پێنجیەکەدا بۆ k…k+0.99 ئاسایی دەکرێنەوە.",
        "inverted": "ئەو پێوەرانەی بەھای نزمتریان باشترە پێچەوانە کرانەوە: {indicators}.",
        "h_weights": "5. کێشەکان",
        "weights.equal": "کێشی یەکسان بۆ لقەکانی ھەر کۆکراوەیەک.",
        "weights.explicit": "کێشەکان وەک لە زانیاریی وەسفیدا ھاتوون (کێشی شارەزایان یان چوارچێوە).",
        "weights.pca": "کێش لە شیکاریی پێکھاتە سەرەکییەکانەوە: لەناو ھەر کۆکراوەیەکدا، دووجای بارگەی لقەکانی "
        "لەسەر یەکەم پێکھاتەی سەرەکیی ماتریکسی پەیوەندییان.",
        "weights.budget": "دابەشکردنی بودجە: شارەزایان 100 خاڵیان بەسەر لقەکانی ھەر کۆکراوەیەکدا دابەش کرد؛ "
        "کێش = خاڵ / 100.",
        "h_aggregate": "6. کۆکردنەوە",
        "aggregate.level": "ئاستی {level}: {mean} ({nodes}).",
        "arithmetic": "تێکڕای ژمێرەیی، Σ w·x / Σ w",
        "geometric": "تێکڕای ئەندازەیی، exp(Σ w·ln x / Σ w)",
        "harmonic": "تێکڕای ھارمۆنی، Σ w / Σ (w/x)",
        "na.reweight": "لقی ونبوو دەرھێنرێت و کێشی لقەکانی تر بە ڕێژە زیاد دەکرێن.",
        "na.zero": "لقی ونبوو بە 0 دەژمێردرێت.",
        "na.nodes": "بەھا ونبووەکان بە 0 دەژمێردرێن بۆ: {nodes}.",
        "na.nodes_reweight": "بەھا ونبووەکان دەرھێنرێن (کێشی ئەوانی تر ڕێکدەخرێتەوە) بۆ: {nodes}.",
        "availability": "ھەر نمرەیەک بەردەستبوونی داتاکەی لەگەڵدایە: ڕێژەی ئەو پێوەرانەی لە ژێریدان کە پێش "
        "پڕکردنەوە داتایان ھەبوو.",
        "h_stages": "7. قۆناغەکان",
        "stages.none": "ھیچ قۆناغێک دیاری نەکرا.",
        "stage.ladder": "قۆناغی پێگەیشتن = بەشی تەواوی نمرەکە لەسەر 0–5 ({nodes}).",
        "stage.gtmi": "گروپەکانی ئیندێکسی پێگەیشتنی تەکنەلۆجیای حکومی: A ≥ 0.75، B ≥ 0.50، C ≥ 0.25، ئەگەرنا D ({nodes}).",
        "stage.egdi": "گروپەکانی ئیندێکسی گەشەپێدانی حکومەتی ئەلیکترۆنی: زۆر بەرز > 0.75، بەرز ≥ 0.50، مامناوەند ≥ "
        "0.25، ئەگەرنا نزم ({nodes}).",
        "stage.egdi_class": "پۆلەکانی ھەڵسەنگاندنی حکومەتی ئەلیکترۆنی: ھەر گروپێک بۆ چوار پۆل بە پانیی 0.0625 "
        "دابەش دەکرێت ({nodes}).",
        "stage.compass": "قۆناغی قیبلەنمای گەشەپێدانی دیجیتاڵی = بەشی تەواوی نمرەی 1–5.99 ({nodes}).",
        "stage.gci": "ئاستەکانی ئیندێکسی جیھانیی ئاسایشی سایبەری: T1 ≥ 95، T2 ≥ 85، T3 ≥ 55، T4 ≥ 20، ئەگەرنا T5 ({nodes}).",
        "scaled": " نمرەکان لە 0–{max}ەوە بۆ پێوەری شێوازەکە گۆڕدران.",
        "h_uncertainty": "8. شیکاریی نادڵنیایی",
        "uncertainty": "مۆنتی کارلۆ بە {runs} جار (تۆو {seed}): ھەر کێشێک لە 1 ± تا {noise} دەدرێت؛ پڕکردنەوە لە "
        "نێوان {impute} ھەڵدەبژێردرێت؛ ئاساییکردنەوە لە نێوان {normalise}؛ کۆکردنەوە لە نێوان "
        "{aggregate}. بۆ ھەر یەکەیەک پیشان دەدرێت: مەودای نمرەی {low}–{high}، مەودای پلە و ڕێژەی "
        "ئەو جارانەی لە قۆناغە ناوەکییەکەیدا دەمێنێتەوە.",
        "recipe_choice": "ھی ڕەچەتەکە",
        "none": "ھیچ",
        "more": "… و {count}ی تر",
    },
}
