"""What the commands print when they succeed, in ar, ckb and en (errors are Codes in ``*/errors.py``).

``text(lang, key, **params)`` formats one message; numbers stay in Latin digits (terminals, logs).
"""

from __future__ import annotations

from typing import Any

from raqmana.i18n.locales import get_locale


def _t(en: str, ar: str, ckb: str) -> dict[str, str]:
    return {"en": en, "ar": ar, "ckb": ckb}


MESSAGES: dict[str, dict[str, str]] = {
    # words
    "error": _t("error", "خطأ", "ھەڵە"),
    "warning": _t("warning", "تحذير", "ئاگاداری"),
    "yes": _t("yes", "نعم", "بەڵێ"),
    "no": _t("no", "لا", "نەخێر"),
    "empty": _t("empty", "فارغة", "بەتاڵ"),
    # table headers
    "h.id": _t("id", "المعرّف", "ناسنامە"),
    "h.version": _t("version", "الإصدار", "وەشان"),
    "h.kind": _t("kind", "النوع", "جۆر"),
    "h.name": _t("name", "الاسم", "ناو"),
    "h.enablers": _t("enablers", "عوامل التمكين", "ھۆکارە ڕێخۆشکەرەکان"),
    "h.indicators": _t("indicators", "المؤشرات", "پێوەرەکان"),
    "h.code": _t("code", "الرمز", "کۆد"),
    "h.severity": _t("severity", "الخطورة", "ئاست"),
    "h.message": _t("message", "الرسالة", "پەیام"),
    "h.period": _t("period", "الفترة", "ماوە"),
    "h.status": _t("status", "الحالة", "دۆخ"),
    "h.framework": _t("framework", "الإطار", "چوارچێوە"),
    "h.institutions": _t("institutions", "الجهات", "دامەزراوەکان"),
    "h.institution": _t("institution", "الجهة", "دامەزراوە"),
    "h.total": _t("total", "المجموع", "کۆ"),
    "h.username": _t("username", "اسم المستخدم", "ناوی بەکارھێنەر"),
    "h.roles": _t("roles", "الأدوار", "ڕۆڵەکان"),
    "h.active": _t("active", "نشط", "چالاک"),
    "h.initiative": _t("initiative", "المبادرة", "دەستپێشخەری"),
    "h.start": _t("start", "البداية", "دەستپێک"),
    "h.end": _t("end", "النهاية", "کۆتایی"),
    "h.shift": _t("shift", "الإزاحة", "جووڵە"),
    # framework
    "fw.valid": _t(
        "valid {id} {version}: {enablers} enablers, {sub_areas} sub-areas, {indicators} indicators, "
        "{missing} missing translations, {warnings} warnings",
        "صالح {id} {version}: {enablers} من عوامل التمكين، {sub_areas} من المجالات الفرعية، {indicators} مؤشراً، "
        "{missing} من الترجمات الناقصة، {warnings} من التحذيرات",
        "دروستە {id} {version}: {enablers} ھۆکاری ڕێخۆشکەر، {sub_areas} بواری لاوەکی، {indicators} پێوەر، "
        "{missing} وەرگێڕانی نەکراو، {warnings} ئاگاداری",
    ),
    "wrote": _t("wrote {path}", "كُتب {path}", "نووسرا: {path}"),
    # audit, db, worker
    "audit.ok": _t(
        "audit log intact: {checked} events, last seq {last_seq}",
        "سجل التدقيق سليم: {checked} حدثاً، آخر تسلسل {last_seq}",
        "تۆماری وردبینی دەستکاری نەکراوە: {checked} ڕووداو، دوایین زنجیرە {last_seq}",
    ),
    "audit.broken": _t(
        "broken event {event} (seq {seq}): {kind}: {detail}",
        "حدث معطوب {event} (التسلسل {seq}): {kind}: {detail}",
        "ڕووداوی تێکچوو {event} (زنجیرەی {seq}): {kind}: {detail}",
    ),
    "audit.signed": _t(
        "head signature checked with key {key_id}; {checkpoints} checkpoint(s) held",
        "تم التحقق من توقيع رأس السلسلة بالمفتاح {key_id}؛ {checkpoints} من نقاط التحقق سليمة",
        "واژۆی سەری زنجیرەکە بە کلیلی {key_id} پشکنرا؛ {checkpoints} خاڵی پشکنین دروستن",
    ),
    "audit.unsigned": _t(
        "no audit key is set (RAQMANA_AUDIT_KEY_FILE): the head signature was not checked",
        "لم يُضبط مفتاح التدقيق (RAQMANA_AUDIT_KEY_FILE): لم يُتحقق من توقيع رأس السلسلة",
        "کلیلی وردبینی دانەنراوە (RAQMANA_AUDIT_KEY_FILE): واژۆی سەری زنجیرەکە نەپشکنرا",
    ),
    "audit.checkpoint": _t(
        "signed checkpoint of seq {seq} written to {path}",
        "كُتبت نقطة تحقق موقّعة للتسلسل {seq} في {path}",
        "خاڵی پشکنینی واژۆکراوی زنجیرەی {seq} لە {path} نووسرا",
    ),
    "audit.head_signed": _t(
        "audit head (seq {seq}) signed with key {key_id}",
        "وُقّع رأس سجل التدقيق (التسلسل {seq}) بالمفتاح {key_id}",
        "سەری تۆماری وردبینی (زنجیرەی {seq}) بە کلیلی {key_id} واژۆ کرا",
    ),
    "backup.wrote": _t(
        "backup written to {path}: database {database} (schema {revision}), {files} file(s), "
        "audit seq {seq}, {size} bytes",
        "كُتبت النسخة الاحتياطية في {path}: قاعدة البيانات {database} (المخطط {revision})، {files} من الملفات، "
        "تسلسل التدقيق {seq}، {size} بايت",
        "پاڵپشتەکە لە {path} نووسرا: بنکەدراوەی {database} (نەخشەی {revision})، {files} فایل، "
        "زنجیرەی وردبینی {seq}، {size} بایت",
    ),
    "backup.checked": _t(
        "backup {path} is intact: {files} file(s) match their checksums, audit chain verified to seq {seq}",
        "النسخة الاحتياطية {path} سليمة: {files} من الملفات تطابق بصماتها، وتم التحقق من سلسلة التدقيق حتى {seq}",
        "پاڵپشتی {path} دروستە: {files} فایل لەگەڵ پشکنینەکانیان یەکدەگرنەوە، زنجیرەی وردبینی تا {seq} پشکنرا",
    ),
    "restore.done": _t(
        "restored {path} into {data_dir} (database {database}, schema {revision}, audit seq {seq})",
        "استُعيدت {path} إلى {data_dir} (قاعدة البيانات {database}، المخطط {revision}، تسلسل التدقيق {seq})",
        "{path} گەڕێندرایەوە بۆ {data_dir} (بنکەدراوەی {database}، نەخشەی {revision}، زنجیرەی وردبینی {seq})",
    ),
    "db.upgraded": _t("{url}: {before} → {after}", "{url}: {before} ← {after}", "{url}: {before} ← {after}"),
    "db.current": _t(
        "current {current}, head {head}",
        "الحالية {current}، الأحدث {head}",
        "ئێستا {current}، نوێترین {head}",
    ),
    "worker.stopped": _t(
        "worker stopped after {n} job(s)", "توقف المنفّذ بعد {n} من المهام", "جێبەجێکار دوای {n} ئەرک وەستا"
    ),
    "job.queued": _t(
        "queued job {id}", "أضيفت المهمة {id} إلى قائمة الانتظار", "ئەرکی {id} خرایە ڕیزی چاوەڕوانی"
    ),
    # organisations, users
    "org.report": _t(
        "created {created}, updated {updated}, unchanged {unchanged}",
        "أنشئ {created}، حُدّث {updated}، بلا تغيير {unchanged}",
        "دروستکرا {created}، نوێکرایەوە {updated}، نەگۆڕاو {unchanged}",
    ),
    "org.file_missing": _t("file not found", "الملف غير موجود", "فایلەکە نەدۆزرایەوە"),
    "user.created": _t(
        "created user {username} (id {id})",
        "أنشئ المستخدم {username} (المعرّف {id})",
        "بەکارھێنەری {username} دروستکرا (ناسنامە {id})",
    ),
    "user.granted": _t(
        "{username}: {role} over {org}", "{username}: {role} على {org}", "{username}: {role} لەسەر {org}"
    ),
    "user.whole_tree": _t("the whole tree", "الشجرة كلها", "ھەموو دارەکە"),
    "user.password_reset": _t(
        "password of {username} reset", "أعيد تعيين كلمة مرور {username}", "تێپەڕەوشەی {username} ڕێکخرایەوە"
    ),
    # assessment rounds, reports
    "as.illustrative": _t(" (illustrative)", " (توضيحي)", " (نموونەیی)"),
    "as.opened": _t(
        "opened round {id} with {n} institutions",
        "فُتحت الجولة {id} مع {n} من الجهات",
        "خولی {id} کرایەوە بە {n} دامەزراوە",
    ),
    "as.wrote_many": _t(
        "wrote {n} workbooks to {out}", "كُتب {n} من المصنفات في {out}", "{n} پەڕگەی Excel لە {out} نووسران"
    ),
    "as.imported": _t(
        "imported {ok} of {n} workbook(s)",
        "استُورد {ok} من {n} من المصنفات",
        "{ok} لە {n} پەڕگەی Excel ھاوردە کران",
    ),
    "report.done": _t(
        "{written} files written, {skipped} already there → {dir}",
        "كُتب {written} من الملفات، و{skipped} موجودة مسبقاً ← {dir}",
        "{written} فایل نووسران، {skipped} پێشتر ھەبوون ← {dir}",
    ),
    # roadmap
    "rules.valid": _t(
        "valid {source}: {rules} rules ({national} national, {institution} per institution; {short} short-term), "
        "{warnings} warnings",
        "صالح {source}: {rules} قاعدة ({national} وطنية، {institution} لكل جهة؛ {short} قصيرة الأمد)، "
        "{warnings} من التحذيرات",
        "دروستە {source}: {rules} یاسا ({national} نیشتمانی، {institution} بۆ ھەر دامەزراوەیەک؛ "
        "{short} کورتخایەن)، {warnings} ئاگاداری",
    ),
    "plan.done": _t(
        "{recommendations} recommendations ({short} short-term) → {initiatives} initiatives, {dependencies} "
        "dependencies; schedule {status}, gap {gap}, {better} better than greedy, {quarters} quarters → {out}",
        "{recommendations} توصية ({short} قصيرة الأمد) ← {initiatives} مبادرة، {dependencies} من الاعتماديات؛ "
        "الجدولة {status}، الفجوة {gap}، أفضل من الحل الجشع بنسبة {better}، {quarters} ربعاً ← {out}",
        "{recommendations} ڕاسپاردە ({short} کورتخایەن) ← {initiatives} دەستپێشخەری، {dependencies} پەیوەستبوون؛ "
        "خشتەی کات {status}، بۆشایی {gap}، {better} باشتر لە چارەسەری چاوچنۆک، {quarters} چارەکی ساڵ ← {out}",
    ),
    "whatif.done": _t(
        "objective {before} → {after} ({delta}); makespan {makespan_before} → {makespan_after}; "
        "{moved} initiatives moved",
        "الهدف {before} ← {after} ({delta})؛ المدة الكلية {makespan_before} ← {makespan_after}؛ "
        "تحركت {moved} من المبادرات",
        "ئامانج {before} ← {after} ({delta})؛ کۆی ماوە {makespan_before} ← {makespan_after}؛ "
        "{moved} دەستپێشخەری جوڵێنران",
    ),
    "roadmap.read": _t(
        "read {file}: roadmap {id} v{version}, {initiatives} initiatives, {dependencies} dependencies",
        "قُرئ {file}: خارطة الطريق {id} الإصدار {version}، {initiatives} مبادرة، {dependencies} من الاعتماديات",
        "خوێندرایەوە {file}: نەخشەڕێگای {id} وەشانی {version}، {initiatives} دەستپێشخەری، "
        "{dependencies} پەیوەستبوون",
    ),
    # demo
    "demo.step1": _t(
        "{name}: {enablers} enablers, {indicators} indicators → {file}",
        "{name}: {enablers} من عوامل التمكين، {indicators} مؤشراً ← {file}",
        "{name}: {enablers} ھۆکاری ڕێخۆشکەر، {indicators} پێوەر ← {file}",
    ),
    "demo.step2": _t(
        "workspace {dir}: {institutions} institutions, {answers} answers (illustrative, generated)",
        "مساحة العمل {dir}: {institutions} جهة، {answers} إجابة (توضيحية، مولّدة آلياً)",
        "شوێنی کار {dir}: {institutions} دامەزراوە، {answers} وەڵام (نموونەیی، دروستکراو)",
    ),
    "demo.step3": _t(
        "national score {score}/5 (stage {stage}), {runs} Monte Carlo runs; {bottlenecks} bottlenecks "
        "→ {files}",
        "الدرجة الوطنية {score}/5 (المرحلة {stage})، {runs} تشغيلاً لمونت كارلو؛ {bottlenecks} من "
        "المعوقات ← {files}",
        "نمرەی نیشتمانی {score}/5 (قۆناغی {stage})، {runs} جار مۆنتی کارلۆ؛ {bottlenecks} ئاستەنگ ← {files}",
    ),
    "demo.step4": _t(
        "{total} recommendations: {national} national and {institution} for single institutions; "
        "{initiatives} roadmap initiatives → {files}",
        "{total} توصية: {national} وطنية و{institution} لجهات بعينها؛ {initiatives} مبادرة في خارطة "
        "الطريق ← {files}",
        "{total} ڕاسپاردە: {national} نیشتمانی و {institution} بۆ دامەزراوە تاکەکان؛ {initiatives} "
        "دەستپێشخەریی نەخشەڕێگا ← {files}",
    ),
    "demo.step5": _t(
        "national report in ar, ckb and en → {dir}",
        "التقرير الوطني بالعربية والكردية والإنجليزية ← {dir}",
        "ڕاپۆرتی نیشتمانی بە عەرەبی، کوردی و ئینگلیزی ← {dir}",
    ),
    "demo.done": _t(
        "done in {seconds} s → {file}",
        "اكتمل في {seconds} ثانية ← {file}",
        "تەواو بوو لە {seconds} چرکەدا ← {file}",
    ),
    "demo.logins": _t(
        "demo logins (illustrative workspace; also in {file}):",
        "حسابات الدخول التجريبية (مساحة عمل توضيحية؛ موجودة أيضاً في {file}):",
        "ھەژمارەکانی چوونەژوورەوەی نمایش (شوێنی کاری نموونەیی؛ لە {file}یش ھەن):",
    ),
    "demo.serve": _t(
        "starting the web workspace (Ctrl-C stops it)",
        "تشغيل مساحة العمل على الويب (Ctrl-C لإيقافها)",
        "دەستپێکردنی شوێنی کاری وێب (Ctrl-C ڕایدەگرێت)",
    ),
    # public indices
    "ix.groups": _t("{index} groups: {list}", "فئات {index}: {list}", "گرووپەکانی {index}: {list}"),
    "ix.classes": _t(
        "{index} rating classes: {list}",
        "فئات التصنيف في {index}: {list}",
        "پۆلەکانی پلەبەندیی {index}: {list}",
    ),
}


def text(lang: str, key: str, /, **params: Any) -> str:
    """Message ``key`` in ``lang`` (English when the language has no text), with ``params`` filled in."""
    entry = MESSAGES[key]
    code = get_locale(lang).code
    template = entry.get(code) or entry["en"]
    return template.format(**params) if params else template


def sep(lang: str) -> str:
    """The list separator of ``lang`` (the Arabic comma in ar and ckb)."""
    return ", " if get_locale(lang).code == "en" else "، "
