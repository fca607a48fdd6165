# Мейірім — қазақша мәтіндер. Әр хабарламаның орыс тіліндегі жұбы ru/meirim.ftl файлында.
# Errors are `error-<code>` (crates/meirim-core/src/problem.rs), warnings `warning-<code>`.

## Қолданба

app-name = Мейірім
app-subtitle = Мұқтаж отбасылар тізілімі
startup-failed = Мейірім деректер файлын аша алмады
language-label = Тіл
language-kk = Қазақша
language-ru = Русский
value-missing = —
loading = Жүктелуде…
data-folder = Деректер қалтасы

## Отбасылар тізімі

families-title = Отбасылар
families-search-label = Іздеу
families-search-placeholder = Аты-жөні немесе ЖСН бойынша іздеу
families-new = Жаңа отбасы
families-count = Барлығы: { $count } отбасы
families-empty = Әзірге бірде-бір отбасы тіркелмеген. «Жаңа отбасы» батырмасын басыңыз.
families-no-match = «{ $query }» бойынша ештеңе табылмады.
families-page = { $from }–{ $to }, барлығы { $total }
families-prev = ← Алдыңғы
families-next = Келесі →
col-head = Отбасы басшысы
col-iin = ЖСН
col-birth-date = Туған күні
col-address = Мекенжайы
col-phone = Телефон
col-categories = Санаттары

## Отбасы формасы

form-new-title = Жаңа отбасыны тіркеу
form-edit-title = Отбасы деректерін өзгерту
section-head = Отбасы басшысы
section-contacts = Байланыс және мекенжай
section-categories = Санаттары
section-notes = Ескертпелер
field-surname = Тегі
field-name = Аты
field-patronymic = Әкесінің аты
field-iin = ЖСН
field-iin-hint = 12 цифр. Дұрыс ЖСН туған күн мен жынысты өзі толтырады.
field-birth-date = Туған күні
field-birth-date-placeholder = КК.АА.ЖЖЖЖ
field-sex = Жынысы
sex-male = Ер
sex-female = Әйел
sex-unknown = Көрсетілмеген
field-phone = Телефон
field-phone-hint = Мысалы: +7 701 234 56 78
field-oblast = Облыс
field-oblast-none = Таңдалмаған
field-district = Аудан
field-rural-okrug = Ауылдық округ
field-village = Ауыл
field-street = Көше, үй, пәтер
field-notes = Ескертпелер
iin-prefilled = Туған күні мен жынысы ЖСН бойынша толтырылды.
form-save = Сақтау
form-saving = Сақталуда…
form-cancel = Бас тарту
form-has-errors = Кейбір өрістер дұрыс толтырылмаған. Қызылмен белгіленгендерді түзетіңіз.
required-mark = міндетті

## Отбасы парағы

detail-back = ← Тізімге оралу
detail-edit = Өзгерту
detail-saved = Сақталды.
detail-registered = Тіркелген күні
detail-updated = Соңғы өзгеріс
detail-no-categories = Санаттар көрсетілмеген

## ЖСН бойынша ескертулер (сақтауға кедергі емес)

warning-impossible-date = ЖСН-дегі алғашқы алты цифр нақты күнді білдірмейді. Құжатпен салыстырып тексеріңіз.
warning-unknown-century = ЖСН-нің жетінші цифры 1-ден 6-ға дейін болуы тиіс, сондықтан туған ғасыры мен жынысын анықтау мүмкін емес.
warning-birth-date-mismatch = Енгізілген туған күн ЖСН бойынша шығатын күнге ({ $date }) сәйкес келмейді. 2013 жылдан бері бұл болуы мүмкін, бірақ құжатпен тексеріңіз.
warning-sex-mismatch = Көрсетілген жынысы ЖСН бойынша шығатын жыныспен сәйкес келмейді. Құжатпен тексеріңіз.

## Қателер

error-required = Бұл өрісті толтырыңыз.
error-too-long = Мәтін тым ұзын: ең көбі { $max } таңба, қазір { $length }.
error-invalid-date = «{ $value }» күн ретінде танылмады. Күнді 06.12.2023 түрінде жазыңыз.
error-date-in-future = Туған күні болашақта бола алмайды. Жылын тексеріңіз.
error-date-too-old = { $year } жылдан ерте туған күн қате болуы ықтимал. Жылын тексеріңіз.
error-iin-length = ЖСН 12 цифрдан тұрады, ал енгізілгені — { $length }.
error-iin-not-digits = ЖСН тек цифрлардан тұрады. Әріптер мен белгілерді алып тастаңыз.
error-iin-checksum = ЖСН-нің соңғы (бақылау) цифры сәйкес келмейді: бір цифр қате терілген болуы мүмкін. Құжатпен салыстырыңыз.
error-iin-taken = Бұл ЖСН тізілімде бұрыннан бар: { $name }. Жаңа отбасы ашпай, сол отбасының парағын ашыңыз.
error-phone-invalid = «{ $value }» Қазақстандағы телефон нөміріне ұқсамайды. +7 701 234 56 78 түрінде жазыңыз.
error-unknown-oblast = «{ $value }» облысы табылмады. Облысты тізімнен таңдаңыз.
error-unknown-category = «{ $value }» санаты табылмады. Санатты тізімнен таңдаңыз.
error-unknown-language = «{ $value }» тілі белгісіз. kk (қазақша) немесе ru (орысша) деп көрсетіңіз.
error-invalid-choice = «{ $value }» мәні жарамсыз. Мүмкін мәндер: { $allowed }.
error-validation = Кейбір өрістер дұрыс толтырылмаған. Белгіленген өрістерді түзетіп, қайта сақтаңыз.
error-not-found = Жазба табылмады. Ол өзгертілген не басқа жазбамен біріктірілген болуы мүмкін: тізімді жаңартыңыз.
error-demo-needs-empty-registry = Демо деректер тек бос тізілімге жазылады, ал мұнда { $count } отбасы бар. Бос қалтаны көрсетіңіз: --data-dir.
error-db-newer-than-app = Деректер Мейірімнің жаңарақ нұсқасында сақталған (схема { $found }, бұл нұсқа { $supported } дейін ғана біледі). Мейірімді жаңартыңыз. Деректер өзгертілген жоқ.
error-db-open-failed = Деректер файлын ашу мүмкін болмады: { $path }. Себебі: { $reason }. Файл басқа бағдарламаға тиесілі не зақымдалған болуы мүмкін; ол өзгертілген жоқ.
error-db-migration-failed = Деректер базасын жаңарту сәтсіз аяқталды, барлық өзгерістер кері қайтарылды. Себебі: { $reason }.
error-db-backup-failed = Жаңарту алдында резервтік көшірме жасалмады ({ $path }): { $reason }. Дискіде бос орын бар-жоғын тексеріңіз. Деректер өзгертілген жоқ.
error-data-dir-unusable = Деректер қалтасын пайдалану мүмкін емес: { $path } ({ $reason }). Қалтаға жазу рұқсатын тексеріңіз немесе --data-dir арқылы басқа қалта көрсетіңіз.
error-storage = Деректерді сақтау кезінде қате шықты: { $reason }. Әрекетті қайталап көріңіз.
error-internal = Күтпеген ішкі қате: { $reason }. Осы хабарламаны әзірлеушілерге жіберіңіз.

## Командалық жол (meirim-cli)

cli-family-created = Отбасы тіркелді: { $id }
cli-no-families = Отбасы табылмады.
cli-shown = { $shown } көрсетілді, барлығы { $total }.
cli-warning = Ескерту
cli-error = Қате
cli-demo-done = { $count } ойдан шығарылған отбасы жазылды ({ $seconds } с).
cli-col-id = ID
cli-col-code = Коды
cli-col-iso = ISO коды
