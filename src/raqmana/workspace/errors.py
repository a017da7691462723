"""The error catalogue of the assessment workspace (codes WS…), in English, Arabic and Sorani.

Codes are stable. Placeholders are filled from the problem's params; a param may itself be a
translated dict ``{"en": …, "ar": …, "ckb": …}`` (see ``WHAT`` and ``STATES`` below).
"""

from __future__ import annotations

from raqmana.problems import Code, Severity

W = Severity.WARNING

# --- access -------------------------------------------------------------------------------------------
NOT_FOUND = Code(
    "WS001",
    "{what} not found.",
    "{what} غير موجود.",
    "{what} نەدۆزرایەوە.",
)
FORBIDDEN = Code(
    "WS002",
    "You do not have permission to do this.",
    "ليست لديك صلاحية القيام بهذا الإجراء.",
    "ڕێگەپێدانی ئەم کارەت نییە.",
)
NOT_AUTHENTICATED = Code(
    "WS003",
    "Your session has ended. Please sign in again.",
    "انتهت جلستك. يرجى تسجيل الدخول مرة أخرى.",
    "دانیشتنەکەت کۆتایی ھات. تکایە دووبارە چوونەژوورەوە بکە.",
)
LOGIN_FAILED = Code(
    "WS004",
    "Wrong username or password.",
    "اسم المستخدم أو كلمة المرور غير صحيحة.",
    "ناوی بەکارھێنەر یان تێپەڕەوشە ھەڵەیە.",
)
ACCOUNT_LOCKED = Code(
    "WS005",
    "Too many failed sign-ins: this account is locked until {until} (UTC).",
    "محاولات دخول فاشلة كثيرة: هذا الحساب مقفل حتى {until} (بالتوقيت العالمي).",
    "ھەوڵی چوونەژوورەوەی شکستخواردوو زۆرە: ئەم ھەژمارە تا {until} (UTC) داخراوە.",
)
RATE_LIMITED = Code(
    "WS006",
    "Too many attempts. Try again in {seconds} seconds.",
    "محاولات كثيرة. حاول مرة أخرى بعد {seconds} ثانية.",
    "ھەوڵ زۆرە. دوای {seconds} چرکە دووبارە ھەوڵ بدەوە.",
)
CSRF_FAILED = Code(
    "WS007",
    "The form has expired. Reload the page and try again.",
    "انتهت صلاحية النموذج. أعد تحميل الصفحة وحاول مرة أخرى.",
    "فۆرمەکە بەسەرچوو. پەڕەکە نوێ بکەرەوە و دووبارە ھەوڵ بدەوە.",
)
ROUND_CLOSED = Code(
    "WS008",
    "This assessment round is closed; answers can no longer change.",
    "جولة التقييم هذه مغلقة؛ لم يعد بالإمكان تغيير الإجابات.",
    "ئەم خولەی ھەڵسەنگاندن داخراوە؛ وەڵامەکان چیتر ناگۆڕدرێن.",
)
ANSWER_LOCKED = Code(
    "WS009",
    "This answer is {state} and cannot be changed now.",
    "هذه الإجابة {state} ولا يمكن تغييرها الآن.",
    "ئەم وەڵامە {state}ە و ئێستا ناگۆڕدرێت.",
)
SELF_REVIEW = Code(
    "WS010",
    "You cannot review an answer that you gave yourself.",
    "لا يمكنك مراجعة إجابة قدّمتها بنفسك.",
    "ناتوانیت پێداچوونەوە بە وەڵامێکدا بکەیت کە خۆت داوتە.",
)
STALE_VERSION = Code(
    "WS011",
    "{author} changed this answer (now version {version}) after you opened it. Compare and save again.",
    "قام {author} بتغيير هذه الإجابة (الإصدار الحالي {version}) بعد أن فتحتها. قارن ثم احفظ مرة أخرى.",
    "{author} ئەم وەڵامەی گۆڕی (ئێستا وەشانی {version}) دوای ئەوەی تۆ کردتەوە. بەراوردی بکە و دووبارە پاشەکەوتی بکە.",
)
# --- answers --------------------------------------------------------------------------------------------
STAGE_INVALID = Code(
    "WS021",
    "'{value}' is not a stage: choose a whole number from 0 to 5.",
    "'{value}' ليست مرحلة: اختر عدداً صحيحاً من 0 إلى 5.",
    "'{value}' قۆناغ نییە: ژمارەیەکی تەواو لە 0 تا 5 ھەڵبژێرە.",
)
NUMBER_INVALID = Code(
    "WS022",
    "'{value}' is not a number.",
    "'{value}' ليس رقماً.",
    "'{value}' ژمارە نییە.",
)
NUMBER_RANGE = Code(
    "WS023",
    "{value} is outside the allowed range {min} to {max}.",
    "القيمة {value} خارج النطاق المسموح من {min} إلى {max}.",
    "{value} لە دەرەوەی مەودای ڕێگەپێدراوی {min} تا {max}یە.",
)
CHOICE_INVALID = Code(
    "WS024",
    "'{value}' is not one of the choices ({choices}).",
    "'{value}' ليس من الخيارات المتاحة ({choices}).",
    "'{value}' یەکێک نییە لە ھەڵبژاردەکان ({choices}).",
)
YES_NO_INVALID = Code(
    "WS025",
    "Answer yes or no (got '{value}').",
    "أجب بنعم أو لا (القيمة المدخلة '{value}').",
    "بە بەڵێ یان نەخێر وەڵام بدەوە (نووسراوە '{value}').",
)
NA_NOT_ALLOWED = Code(
    "WS026",
    "Indicator {indicator} cannot be answered N/A.",
    "لا يمكن الإجابة على المؤشر {indicator} بـ«لا ينطبق».",
    "پێوەری {indicator} ناتوانرێت بە «پەیوەندیدار نییە» وەڵام بدرێتەوە.",
)
NA_AND_DONT_KNOW = Code(
    "WS027",
    'An answer cannot be both N/A and "don\'t know".',
    "لا يمكن أن تكون الإجابة «لا ينطبق» و«لا أعرف» معاً.",
    "وەڵام ناتوانێت ھەم «پەیوەندیدار نییە» و ھەم «نازانم» بێت.",
)
TEXT_TOO_LONG = Code(
    "WS028",
    "The text is longer than {max} characters.",
    "النص أطول من {max} حرفاً.",
    "دەقەکە لە {max} پیت درێژترە.",
)
UNKNOWN_INDICATOR = Code(
    "WS029",
    "Indicator '{indicator}' is not in this assessment's framework.",
    "المؤشر '{indicator}' غير موجود في إطار هذا التقييم.",
    "پێوەری '{indicator}' لە چوارچێوەی ئەم ھەڵسەنگاندنەدا نییە.",
)
RETURN_NEEDS_COMMENT = Code(
    "WS031",
    "Write a comment that tells the focal point what to change.",
    "اكتب تعليقاً يوضح لضابط الارتباط ما يجب تغييره.",
    "لێدوانێک بنووسە کە بە خاڵی پەیوەندی بڵێت چی بگۆڕێت.",
)
NOT_REVIEWABLE = Code(
    "WS032",
    "Only submitted answers can be reviewed; this one is {state}.",
    "لا تُراجع إلا الإجابات المُرسلة؛ هذه الإجابة {state}.",
    "تەنھا وەڵامە نێردراوەکان پێداچوونەوەیان بۆ دەکرێت؛ ئەمە {state}ە.",
)
DECISION_INVALID = Code(
    "WS033",
    "Unknown review decision '{value}' (use accept or return).",
    "قرار مراجعة غير معروف '{value}' (استخدم قبول أو إعادة).",
    "بڕیاری پێداچوونەوەی نەناسراو '{value}' (قبوڵکردن یان گەڕاندنەوە بەکاربھێنە).",
)
COMMENT_REQUIRED = Code(
    "WS034",
    "The comment is empty.",
    "التعليق فارغ.",
    "لێدوانەکە بەتاڵە.",
)
# --- evidence -------------------------------------------------------------------------------------------
FILE_EMPTY = Code(
    "WS040",
    "The file '{filename}' is empty.",
    "الملف '{filename}' فارغ.",
    "فایلی '{filename}' بەتاڵە.",
)
FILE_TOO_LARGE = Code(
    "WS041",
    "The file '{filename}' is {size} MB; the limit is {limit} MB.",
    "حجم الملف '{filename}' {size} ميغابايت؛ والحد الأقصى {limit} ميغابايت.",
    "قەبارەی فایلی '{filename}' {size} مێگابایتە؛ سنوورەکە {limit} مێگابایتە.",
)
FILE_TYPE_NOT_ALLOWED = Code(
    "WS042",
    "Files like '{filename}' are not accepted. Allowed: PDF, PNG, JPEG, DOCX, XLSX, CSV, TXT.",
    "الملفات مثل '{filename}' غير مقبولة. المسموح: PDF وPNG وJPEG وDOCX وXLSX وCSV وTXT.",
    "فایلی وەک '{filename}' وەرناگیرێت. ڕێگەپێدراو: PDF، PNG، JPEG، DOCX، XLSX، CSV، TXT.",
)
FILE_DISGUISED = Code(
    "WS043",
    "'{filename}' is not really a {expected} file (its content looks like {actual}). Upload the real document.",
    "الملف '{filename}' ليس ملف {expected} فعلاً (محتواه يشبه {actual}). ارفع المستند الحقيقي.",
    "'{filename}' بەڕاستی فایلی {expected} نییە (ناوەڕۆکەکەی وەک {actual} دەچێت). بەڵگەنامە ڕاستەقینەکە بار بکە.",
)
URL_INVALID = Code(
    "WS044",
    "'{url}' is not a web address starting with http:// or https://.",
    "'{url}' ليس عنوان ويب يبدأ بـ http:// أو https://.",
    "'{url}' ناونیشانێکی وێب نییە کە بە http:// یان https:// دەست پێبکات.",
)
SOURCE_TYPE_INVALID = Code(
    "WS045",
    "Unknown evidence source '{value}' (use document, system, external_index or survey).",
    "مصدر دليل غير معروف '{value}' (استخدم document أو system أو external_index أو survey).",
    "سەرچاوەی بەڵگەی نەناسراو '{value}' (document، system، external_index یان survey بەکاربھێنە).",
)
DATE_INVALID = Code(
    "WS047",
    "'{value}' is not a date (use YYYY-MM-DD).",
    "'{value}' ليس تاريخاً (استخدم الصيغة YYYY-MM-DD).",
    "'{value}' بەروار نییە (YYYY-MM-DD بەکاربھێنە).",
)
# --- users ----------------------------------------------------------------------------------------------
USERNAME_INVALID = Code(
    "WS050",
    "A username has 3 to 64 characters: Latin letters, digits, '.', '_' or '-'.",
    "يتكون اسم المستخدم من 3 إلى 64 حرفاً: أحرف لاتينية أو أرقام أو '.' أو '_' أو '-'.",
    "ناوی بەکارھێنەر 3 تا 64 پیتە: پیتی لاتینی، ژمارە، '.'، '_' یان '-'.",
)
USERNAME_TAKEN = Code(
    "WS051",
    "The username '{username}' is already taken.",
    "اسم المستخدم '{username}' مستخدم بالفعل.",
    "ناوی بەکارھێنەری '{username}' پێشتر گیراوە.",
)
PASSWORD_WEAK = Code(
    "WS052",
    "The password needs at least {min} characters.",
    "يجب أن تتكون كلمة المرور من {min} أحرف على الأقل.",
    "تێپەڕەوشە دەبێت لانیکەم {min} پیت بێت.",
)
ROLE_INVALID = Code(
    "WS053",
    "Unknown role '{value}' (use admin, coordinator, focal_point, reviewer or viewer).",
    "دور غير معروف '{value}' (استخدم admin أو coordinator أو focal_point أو reviewer أو viewer).",
    "ڕۆڵی نەناسراو '{value}' (admin، coordinator، focal_point، reviewer یان viewer بەکاربھێنە).",
)
LOCALE_INVALID = Code(
    "WS054",
    "Unknown language '{value}' (use ar, ckb or en).",
    "لغة غير معروفة '{value}' (استخدم ar أو ckb أو en).",
    "زمانی نەناسراو '{value}' (ar، ckb یان en بەکاربھێنە).",
)
WRONG_PASSWORD = Code(
    "WS055",
    "The current password is wrong.",
    "كلمة المرور الحالية غير صحيحة.",
    "تێپەڕەوشەی ئێستا ھەڵەیە.",
)
NAME_REQUIRED = Code(
    "WS056",
    "{field} is required.",
    "{field} مطلوب.",
    "{field} داواکراوە.",
)
# --- organisations ----------------------------------------------------------------------------------------
ORG_FILE_UNREADABLE = Code(
    "WS060",
    "The organisation list cannot be read: {detail}",
    "تعذّرت قراءة قائمة الجهات: {detail}",
    "لیستی دامەزراوەکان ناخوێندرێتەوە: {detail}",
)
ORG_FILE_TYPE = Code(
    "WS061",
    "Give the organisation list as a .csv or .xlsx file (got '{filename}').",
    "قدّم قائمة الجهات كملف ‎.csv أو ‎.xlsx (الملف المقدّم '{filename}').",
    "لیستی دامەزراوەکان وەک فایلی ‎.csv یان ‎.xlsx بدە (دراوە '{filename}').",
)
MISSING_COLUMN = Code(
    "WS062",
    "Column '{column}' is missing.",
    "العمود '{column}' غير موجود.",
    "ستوونی '{column}' نییە.",
)
ORG_CODE_INVALID = Code(
    "WS063",
    "'{value}' is not a valid code (lower-case Latin letters, digits and '-', up to 64 characters).",
    "'{value}' ليس رمزاً صالحاً (أحرف لاتينية صغيرة وأرقام و'-'، حتى 64 حرفاً).",
    "'{value}' کۆدێکی دروست نییە (پیتی لاتینیی بچووک، ژمارە و '-'، تا 64 پیت).",
)
DUPLICATE_CODE = Code(
    "WS064",
    "The code '{value}' is used twice (first on row {first}).",
    "الرمز '{value}' مكرر (ورد أولاً في الصف {first}).",
    "کۆدی '{value}' دوو جار بەکارھاتووە (یەکەمجار لە ڕیزی {first}).",
)
ORG_KIND_INVALID = Code(
    "WS065",
    "Unknown kind '{value}' (use {kinds}).",
    "نوع غير معروف '{value}' (استخدم {kinds}).",
    "جۆری نەناسراو '{value}' ({kinds} بەکاربھێنە).",
)
ORG_PARENT_UNKNOWN = Code(
    "WS066",
    "The parent '{value}' is neither in the file nor in the organisation tree.",
    "الجهة الأم '{value}' غير موجودة في الملف ولا في شجرة الجهات.",
    "دامەزراوەی سەرەوە '{value}' نە لە فایلەکەدایە نە لە داری دامەزراوەکاندا.",
)
ORG_CYCLE = Code(
    "WS067",
    "'{value}' would become its own ancestor ({cycle}).",
    "'{value}' ستصبح أصلاً لنفسها ({cycle}).",
    "'{value}' دەبێتە باوباپیری خۆی ({cycle}).",
)
ORG_NAME_MISSING = Code(
    "WS068",
    "The {lang} name is missing.",
    "الاسم باللغة {lang} غير موجود.",
    "ناوی {lang} نییە.",
)
ORG_NAME_CKB_MISSING = Code(
    "WS069",
    "The Sorani (ckb) name is missing; the English name will be shown instead.",
    "الاسم بالكردية السورانية (ckb) غير موجود؛ سيُعرض الاسم الإنجليزي بدلاً منه.",
    "ناوی کوردیی سۆرانی (ckb) نییە؛ ناوە ئینگلیزییەکە لە جێی پیشان دەدرێت.",
    W,
)
TOO_LONG = Code(
    "WS070",
    "The value is longer than {max} characters.",
    "القيمة أطول من {max} حرفاً.",
    "بەھاکە لە {max} پیت درێژترە.",
)
# --- assessments and frameworks ---------------------------------------------------------------------------
NO_INSTITUTIONS = Code(
    "WS080",
    "Choose at least one institution.",
    "اختر جهة واحدة على الأقل.",
    "لانیکەم یەک دامەزراوە ھەڵبژێرە.",
)
UNKNOWN_ORG = Code(
    "WS081",
    "Unknown institution code '{org}'.",
    "رمز جهة غير معروف '{org}'.",
    "کۆدی دامەزراوەی نەناسراو '{org}'.",
)
TARGET_STAGE_INVALID = Code(
    "WS082",
    "The target stage must be a whole number from 0 to 5.",
    "يجب أن تكون المرحلة المستهدفة عدداً صحيحاً من 0 إلى 5.",
    "قۆناغی ئامانج دەبێت ژمارەیەکی تەواو لە 0 تا 5 بێت.",
)
FRAMEWORK_FROZEN = Code(
    "WS083",
    "Framework {id} version {version} is already used by an assessment and cannot change; give it a new version number.",
    "الإصدار {version} من الإطار {id} مستخدم في تقييم ولا يمكن تغييره؛ أعطه رقم إصدار جديداً.",
    "وەشانی {version}ی چوارچێوەی {id} لە ھەڵسەنگاندنێکدا بەکارھاتووە و ناگۆڕدرێت؛ ژمارەی وەشانێکی نوێی بدەرێ.",
)
FRAMEWORK_EMPTY = Code(
    "WS084",
    "The framework has no indicators to ask.",
    "الإطار لا يحتوي على مؤشرات لطرحها.",
    "چوارچێوەکە ھیچ پێوەرێکی نییە بۆ پرسیارکردن.",
)
ASSIGN_ROLE_INVALID = Code(
    "WS085",
    "Only focal points and reviewers are assigned to institutions (got '{value}').",
    "يُكلَّف ضباط الارتباط والمراجعون فقط بالجهات (القيمة المدخلة '{value}').",
    "تەنھا خاڵی پەیوەندی و پێداچوونەوەکەر بۆ دامەزراوەکان دیاری دەکرێن (دراوە '{value}').",
)
# --- workbooks ------------------------------------------------------------------------------------------
XLSX_UNREADABLE = Code(
    "WS090",
    "'{filename}' is not a readable Excel workbook (.xlsx).",
    "'{filename}' ليس مصنف Excel قابلاً للقراءة (‎.xlsx).",
    "'{filename}' پەڕتووکی Excelـی خوێندراوە نییە (‎.xlsx).",
)
SHEET_MISSING = Code(
    "WS091",
    "Sheet '{sheet}' is missing; export a fresh workbook from raqmana.",
    "الورقة '{sheet}' غير موجودة؛ صدّر مصنفاً جديداً من raqmana.",
    "پەڕەی '{sheet}' نییە؛ پەڕتووکێکی نوێ لە raqmana ھەناردە بکە.",
)
WORKBOOK_META = Code(
    "WS092",
    "This workbook was not exported by raqmana, or its hidden settings were changed ({detail}).",
    "لم يُصدَّر هذا المصنف من raqmana، أو تم تغيير إعداداته المخفية ({detail}).",
    "ئەم پەڕتووکە لە raqmana ھەناردە نەکراوە، یان ڕێکخستنە شاراوەکانی گۆڕدراون ({detail}).",
)
HEADER_CHANGED = Code(
    "WS093",
    "The heading should be '{expected}'; the columns were moved or renamed.",
    "يجب أن يكون العنوان '{expected}'؛ تم نقل الأعمدة أو إعادة تسميتها.",
    "سەردێڕەکە دەبێت '{expected}' بێت؛ ستوونەکان گوازراونەتەوە یان ناویان گۆڕدراوە.",
)
ROW_UNKNOWN_INDICATOR = Code(
    "WS094",
    "This row names indicator '{indicator}', which is not in the questionnaire.",
    "يذكر هذا الصف المؤشر '{indicator}' وهو غير موجود في الاستبيان.",
    "ئەم ڕیزە ناوی پێوەری '{indicator}' دەھێنێت کە لە پرسیارنامەکەدا نییە.",
)
ROW_DUPLICATE = Code(
    "WS095",
    "Indicator '{indicator}' appears twice (first on row {first}).",
    "المؤشر '{indicator}' مكرر (ورد أولاً في الصف {first}).",
    "پێوەری '{indicator}' دوو جار ھاتووە (یەکەمجار لە ڕیزی {first}).",
)
FLAG_INVALID = Code(
    "WS097",
    "'{value}' is not a value of the list ({allowed}).",
    "'{value}' ليست من قيم القائمة ({allowed}).",
    "'{value}' بەھایەکی لیستەکە نییە ({allowed}).",
)
ROW_STALE = Code(
    "WS098",
    "This answer was changed in raqmana by {author} after the workbook was exported (version {theirs} → {ours}); export the workbook again.",
    "غيّر {author} هذه الإجابة في raqmana بعد تصدير المصنف (الإصدار {theirs} ← {ours})؛ صدّر المصنف مرة أخرى.",
    "{author} ئەم وەڵامەی لە raqmana گۆڕی دوای ھەناردەکردنی پەڕتووکەکە (وەشانی {theirs} ← {ours})؛ پەڕتووکەکە دووبارە ھەناردە بکەوە.",
)
ROW_LOCKED = Code(
    "WS099",
    "This answer is {state} in raqmana and cannot be changed by a workbook.",
    "هذه الإجابة {state} في raqmana ولا يمكن تغييرها من خلال مصنف.",
    "ئەم وەڵامە لە raqmana {state}ە و بە پەڕتووک ناگۆڕدرێت.",
)
JOB_FAILED = Code(
    "WS100",
    "The job stopped because of an internal error ({detail}).",
    "توقفت المهمة بسبب خطأ داخلي ({detail}).",
    "کارەکە بەھۆی ھەڵەیەکی ناوخۆیی وەستا ({detail}).",
)

JOB_ABANDONED = Code(
    "WS101",
    "The worker running this job stopped {attempts} times before finishing it, so the job was given up. "
    "Start it again; if it stops again, ask the administrator to look at the worker's log.",
    "توقفت عملية الخلفية التي تنفّذ هذه المهمة {attempts} مرات قبل إكمالها، فتُركت المهمة. "
    "ابدأها من جديد، وإذا توقفت مرة أخرى فاطلب من المسؤول مراجعة سجل عملية الخلفية.",
    "ئەو پاشبنەمایەی ئەم کارە جێبەجێ دەکات {attempts} جار پێش تەواوبوونی وەستا، بۆیە کارەکە وازی لێ ھێنرا. "
    "دووبارە دەستی پێ بکەرەوە؛ ئەگەر دیسان وەستا، داوا لە بەڕێوەبەر بکە تۆماری پاشبنەماکە بپشکنێت.",
)
ZIP_UNREADABLE = Code(
    "WS102",
    "'{filename}' is not a ZIP archive that can be opened.",
    "الملف '{filename}' ليس أرشيف ZIP يمكن فتحه.",
    "'{filename}' ئەرشیفێکی ZIP نییە کە بکرێتەوە.",
)
ZIP_NO_WORKBOOK = Code(
    "WS103",
    "'{filename}' holds no Excel workbook (XLSX).",
    "لا يحتوي '{filename}' على أي مصنف Excel بصيغة XLSX.",
    "'{filename}' ھیچ پەڕگەیەکی Excel بە شێوەی XLSXـی تێدا نییە.",
)
UPLOAD_TOO_MANY = Code(
    "WS104",
    "Too many workbooks at once: {count} (at most {max}). Send them in several parts.",
    "عدد المصنفات كبير جداً في دفعة واحدة: {count} (الحد الأقصى {max}). أرسلها على عدة دفعات.",
    "ژمارەی پەڕگەکان بۆ یەک جار زۆرە: {count} (زۆرترین {max}). لە چەند بەشێکدا بیاننێرە.",
)
UPLOAD_TOO_BIG = Code(
    "WS105",
    "'{filename}' is too big once unpacked (more than {max} MB in all).",
    "الملف '{filename}' كبير جداً بعد فك ضغطه (أكثر من {max} ميغابايت إجمالاً).",
    "'{filename}' دوای کردنەوە زۆر گەورەیە (سەرجەم زیاتر لە {max} مێگابایت).",
)

WORKBOOK_OTHER_ROUND = Code(
    "WS106",
    "This workbook belongs to another assessment round (number {theirs}), not to this one (number {ours}).",
    "ينتمي هذا المصنف إلى جولة تقييم أخرى (رقم {theirs})، لا إلى هذه الجولة (رقم {ours}).",
    "ئەم پەڕتووکە سەر بە خولێکی تری ھەڵسەنگاندنە (ژمارە {theirs})، نەک ئەم خولە (ژمارە {ours}).",
)

ROW_KEPT_SERVER = Code(
    "WS107",
    "This row was not imported: {author} changed the answer in raqmana after the workbook was exported "
    "(version {theirs} → {ours}) and the row was not edited in the workbook, so the answer in raqmana is kept.",
    "لم يُستورد هذا الصف: غيّر {author} الإجابة في raqmana بعد تصدير المصنف (الإصدار {theirs} ← {ours}) "
    "ولم يُعدَّل الصف في المصنف، لذا أُبقيت الإجابة الموجودة في raqmana.",
    "ئەم ڕیزە ھاوردە نەکرا: {author} وەڵامەکەی لە raqmana گۆڕی دوای ھەناردەکردنی پەڕتووکەکە "
    "(وەشانی {theirs} ← {ours}) و ڕیزەکە لە پەڕتووکەکەدا دەستکاری نەکراوە، بۆیە وەڵامەکەی raqmana دەمێنێتەوە.",
    W,
)
ANSWER_IGNORED_FLAG = Code(
    "WS108",
    "The answer '{value}' is ignored because the row is marked '{flag}'; clear '{flag}' to keep the answer.",
    "تم تجاهل الإجابة '{value}' لأن الصف مُعلَّم بـ'{flag}'؛ أزِل '{flag}' للإبقاء على الإجابة.",
    "وەڵامی '{value}' پشتگوێ خرا چونکە ڕیزەکە بە '{flag}' نیشانە کراوە؛ '{flag}' لاببە بۆ ئەوەی وەڵامەکە بمێنێتەوە.",
    W,
)

ALL: tuple[Code, ...] = tuple(v for v in list(globals().values()) if isinstance(v, Code))

# words used inside messages ({what}, {state}, {lang})
WHAT: dict[str, dict[str, str]] = {
    "assessment": {"en": "Assessment", "ar": "التقييم", "ckb": "ھەڵسەنگاندن"},
    "response": {"en": "Answer", "ar": "الإجابة", "ckb": "وەڵام"},
    "organisation": {"en": "Institution", "ar": "الجهة", "ckb": "دامەزراوە"},
    "user": {"en": "User", "ar": "المستخدم", "ckb": "بەکارھێنەر"},
    "evidence": {"en": "Evidence", "ar": "دليل الإثبات", "ckb": "بەڵگە"},
    "job": {"en": "Job", "ar": "المهمة", "ckb": "کار"},
    "audit": {"en": "Audit log", "ar": "سجل التدقيق", "ckb": "تۆماری وردبینی"},
    "framework": {"en": "Framework version", "ar": "إصدار الإطار", "ckb": "وەشانی چوارچێوە"},
    "assignment": {"en": "Assignment", "ar": "التكليف", "ckb": "ئەرکپێسپاردن"},
    "grant": {"en": "Role", "ar": "الدور", "ckb": "ڕۆڵ"},
    "token": {"en": "API token", "ar": "رمز الواجهة البرمجية", "ckb": "نیشانەی API"},
    "name": {"en": "The name", "ar": "الاسم", "ckb": "ناو"},
    "period": {"en": "The period", "ar": "الفترة", "ckb": "ماوە"},
    "display_name": {"en": "The display name", "ar": "الاسم المعروض", "ckb": "ناوی پیشاندراو"},
}
STATES: dict[str, dict[str, str]] = {
    "draft": {"en": "a draft", "ar": "مسودة", "ckb": "ڕەشنووس"},
    "submitted": {"en": "submitted", "ar": "مُرسلة", "ckb": "نێردراو"},
    "returned": {"en": "returned", "ar": "مُعادة", "ckb": "گەڕێنراوە"},
    "accepted": {"en": "accepted", "ar": "مقبولة", "ckb": "پەسەندکراو"},
}
LANG_NAMES: dict[str, dict[str, str]] = {
    "en": {"en": "English", "ar": "الإنجليزية", "ckb": "ئینگلیزی"},
    "ar": {"en": "Arabic", "ar": "العربية", "ckb": "عەرەبی"},
    "ckb": {"en": "Sorani", "ar": "الكردية السورانية", "ckb": "کوردیی سۆرانی"},
}
