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
families-search-placeholder = Аты-жөні, ЖСН, телефон не мекенжай бойынша іздеу
families-new = Жаңа отбасы
families-count = Барлығы: { $count } отбасы
families-empty = Әзірге бірде-бір отбасы тіркелмеген. «Жаңа отбасы» батырмасын басыңыз.
families-no-match = «{ $query }» бойынша ештеңе табылмады.
families-page = { $from }–{ $to }, барлығы { $total }
# The count is capped at 1000 (мың → «мыңнан»), so the ablative suffix is fixed.
families-count-more = { $count }-нан астам отбасы табылды. Іздеуді нақтылаңыз.
families-page-more = { $from }–{ $to }, барлығы { $total }-нан астам
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
error-date-in-future = Бұл күн әлі келген жоқ. Жылын тексеріңіз.
error-date-too-old = { $year } жылдан ерте туған күн қате болуы ықтимал. Жылын тексеріңіз.
error-iin-length = ЖСН 12 цифрдан тұрады, ал енгізілгені — { $length }.
error-iin-not-digits = ЖСН тек цифрлардан тұрады. Әріптер мен белгілерді алып тастаңыз.
error-iin-checksum = ЖСН-нің соңғы (бақылау) цифры сәйкес келмейді: бір цифр қате терілген болуы мүмкін. Құжатпен салыстырыңыз.
error-iin-taken = Бұл ЖСН тізілімде бұрыннан бар: №{ $registry_no } отбасы, { $name }. Жаңа отбасы ашпай, сол отбасының парағын ашыңыз.
error-phone-invalid = «{ $value }» Қазақстандағы телефон нөміріне ұқсамайды. +7 701 234 56 78 түрінде жазыңыз.
error-unknown-oblast = «{ $value }» облысы табылмады. Облысты тізімнен таңдаңыз.
error-unknown-category = «{ $value }» санаты табылмады. Санатты тізімнен таңдаңыз.
error-unknown-language = «{ $value }» тілі белгісіз. kk (қазақша) немесе ru (орысша) деп көрсетіңіз.
error-invalid-choice = «{ $value }» мәні жарамсыз. Мүмкін мәндер: { $allowed }.
error-amount-invalid = «{ $value }» сома ретінде танылмады. Бүтін теңгемен жазыңыз, мысалы: 45 000.
error-amount-too-large = Сома тым үлкен: ең көбі { $max } ₸.
error-date-before-start = Мерзімнің соңы оның басталған күнінен ерте бола алмайды.
error-head-missing = Отбасы басшысын белгілеңіз: бір мүшенің тұсындағы «Басшы ету» батырмасын басыңыз.
error-head-not-unique = Отбасы басшысы біреу ғана болады, ал қазір { $count } адам белгіленген.
error-too-many-members = Отбасы мүшелері тым көп: ең көбі { $max }.
error-iin-repeated = Бұл ЖСН осы формада басқа мүшеге енгізілген. Әр адамның ЖСН-і өзінікі.
error-kato-invalid = КАТО коды 9 цифрдан тұрады, ал «{ $value }» сәйкес келмейді.
error-place-exists = «{ $name }» атауы осы деңгейде бұрыннан бар.
error-place-in-use = «{ $name }» жойылмайды: онда { $count } отбасы тұрады. Атауын түзетіңіз немесе сол деңгейдегі дұрыс атауға өзгертіңіз: екеуі біріктіріледі.
error-place-has-places = «{ $name }» жойылмайды: оның құрамында { $count } елді мекен не округ бар. Алдымен соларды түзетіңіз.
error-category-exists = «{ $name }» атты санат бұрыннан бар. Басқа атау беріңіз немесе барын пайдаланыңыз.
error-choice-missing = Таңдалған жазба табылмады. Тізімді жаңартып, қайта таңдаңыз.
error-aid-too-soon = { $status ->
    [planned] Бұл отбасына бұл көмек { $date } күніне жоспарланған.
   *[other] Бұл отбасы бұл көмекті { $date } күні алған.
} Бәрібір беру үшін себебін жазыңыз.
error-quantity-invalid = «{ $value }» саны дұрыс емес. Санды цифрмен жазыңыз, бөлшегін үтірмен: 2,5.
error-days-invalid = «{ $value }» күн саны дұрыс емес: 1-ден { $max }-ге дейінгі бүтін сан жазыңыз.
error-aid-type-exists = «{ $name }» атты көмек түрі бұрыннан бар. Басқа атау беріңіз.
error-too-many-families = Бір кезеңде ең көбі { $max } отбасы болады, ал таңдалғаны { $count }. Сүзгіні тарылтыңыз (ауыл, санат) да, бірнеше кезеңге бөліңіз.
error-list-empty = «{ $campaign }» науқанында әзірге жоспарланған не берілген көмек жоқ: алдымен отбасыларды таңдап, көмекті жоспарлаңыз.
error-volunteer-iin-taken = Бұл ЖСН-мен ерікті бұрыннан тіркелген: { $name }.
error-volunteer-needs-consent = Ерікті { $age } жаста: { $min } жасқа толмаған ерікті тек ата-анасының жазбаша келісімімен қатыса алады («Волонтерлік қызмет туралы» заң). Келісім алынғанын белгілеңіз.
error-volunteer-too-young = Ерікті { $age } жаста: донорлыққа { $min } жастан бастап қана рұқсат етіледі.
error-hours-invalid = «{ $value }» сағат саны дұрыс емес: 0-ден көп, 24-тен аспайтын санды жазыңыз (мысалы, 2,5).
error-bin-invalid = { $reason ->
    [length] БСН 12 цифрдан тұрады, ал «{ $value }» сәйкес келмейді.
    [digits] БСН тек цифрлардан тұрады: «{ $value }».
    [type] «{ $value }» заңды тұлғаның БСН-і емес (бесінші цифры 4, 5 не 6 болуы керек): ЖСН енгізілген болуы мүмкін.
   *[checksum] «{ $value }» БСН-інің бақылау цифры сәйкес келмейді: цифрларды құжаттан қайта тексеріңіз.
}
error-bin-taken = Бұл БСН-мен ұйым бұрыннан тіркелген: { $name }.
error-template-placeholder = { $reason ->
    [unknown] Үлгіде белгісіз орын толтырғыш бар: {"{"}{ $name }{"}"}. Мүмкіндері: {"{"}recipient{"}"}, {"{"}campaign{"}"}, {"{"}deed{"}"}, {"{"}period{"}"}, {"{"}hours{"}"}.
    [missing] Үлгідегі {"{"}{ $name }{"}"} орнына қоятын мән жоқ: оны толтырыңыз.
   *[unclosed] Үлгіде жабылмаған {"{"} жақшасы бар.
}
error-glyph-missing = Қаріпте мына таңбалар жоқ, олар басылмай қалар еді: { $chars }. Мәтінді түзетіңіз.
error-delivery-wrong-status = Бұл көмек { $status ->
    [delivered] табысталып қойған
   *[cancelled] болдырылмаған
}, оның күйін енді өзгертуге болмайды.
error-possible-duplicate = Бұл отбасы тізілімде бұрыннан бар болуы мүмкін: №{ $registry_no }, { $name }. Ескертулерді қарап шығыңыз; басқа отбасы болса, «Бәрібір сақтау» батырмасын басыңыз.
error-family-destroyed = №{ $registry_no } отбасының дербес деректері жойылған, оны өзгертуге болмайды.
error-family-merged = №{ $registry_no } отбасы басқа отбасымен біріктірілген. Біріктірілген отбасының парағын ашыңыз.
error-wrong-status = Бұл әрекетті №{ $registry_no } отбасының қазіргі күйінде орындау мүмкін емес. Парақты жаңартып, қайта көріңіз.
error-merge-with-itself = Отбасын өзімен біріктіруге болмайды. Екі түрлі отбасын таңдаңыз.
error-confirmation-mismatch = Растау үшін отбасының тіркеу нөмірін дәл теріңіз: { $registry_no }.
error-input-unreadable = Файлды оқу мүмкін болмады: { $reason }.
error-document-failed = Құжатты жасау не сақтау мүмкін болмады ({ $path }): { $reason }. Файл басқа бағдарламада ашық болса, оны жабыңыз; қалтаға жазу рұқсатын және дискідегі бос орынды тексеріңіз.
error-document-missing = Құжат табылмады: { $path }. Ол жылжытылған не өшірілген болуы мүмкін: құжатты қайта жасаңыз.
error-document-open-failed = Құжатты ашу мүмкін болмады: { $reason }. Компьютерде PDF қарау бағдарламасы орнатылмаған болуы мүмкін. Файл осында сақтаулы: { $path }
error-validation = Кейбір өрістер дұрыс толтырылмаған. Белгіленген өрістерді түзетіп, қайта сақтаңыз.
error-not-found = Жазба табылмады. Ол өзгертілген не басқа жазбамен біріктірілген болуы мүмкін: тізімді жаңартыңыз.
error-demo-needs-empty-registry = Демо деректер тек бос тізілімге жазылады, ал мұнда { $count } отбасы бар. Бос қалтаны көрсетіңіз: --data-dir.
error-db-newer-than-app = Деректер Мейірімнің жаңарақ нұсқасында сақталған (файлдың схемасы — { $found }, бұл нұсқанікі — { $supported }). Мейірімді жаңартыңыз. Деректер өзгертілген жоқ.
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

## Тізілім: отбасы мүшелері

section-members = Отбасы мүшелері
member-head = Отбасы басшысы
member-number = { $n }-мүше
member-age = { $age } жаста
member-make-head = Басшы ету
member-remove = Алып тастау
member-add = Мүше қосу
field-relation = Басшыға туыстығы
choose = Таңдаңыз
relation-spouse = жұбайы
relation-child = баласы
relation-parent = ата-анасы
relation-sibling = бауыры
relation-grandchild = немересі
relation-grandparent = атасы не әжесі
relation-daughter-in-law = келіні
relation-son-in-law = күйеу баласы
relation-other-relative = басқа туысы
relation-other = туыс емес
field-disability = Мүгедектігі
disability-none = Жоқ
disability-group-1 = 1-топ
disability-group-2 = 2-топ
disability-group-3 = 3-топ
disability-child = мүгедектігі бар бала
field-employment = Жұмыспен қамтылуы
employment-works = жұмыс істейді
employment-unemployed = жұмыссыз
flag-pensioner = зейнеткер
flag-student = студент (күндізгі оқу)
value-yes = иә

## Тізілім: отбасы формасы

form-edit-title-no = №{ $no } отбасының деректерін өзгерту
field-family-phone = Отбасының телефоны
field-street-only = Көше
field-house = Үй
field-flat = Пәтер
section-living = Тұрмыс жағдайы
field-income = Жан басына табыс, ₸ / ай
field-income-hint = Бүтін теңгемен, мысалы: 45 000
field-registered-on = Тіркелген күні
field-registered-on-hint = Бос қалса — бүгінгі күн.
field-housing-notes = Тұрғын үй жағдайы
large-family-check-hint = Отбасында төрт не одан көп бала болса, «көпбалалы отбасы» санатын тексеріңіз.
section-consent = Дербес деректерді өңдеуге келісім
consent-explained = «Дербес деректер және оларды қорғау туралы» Заң бойынша отбасы деректерін өңдеуге алдын ала келісім қажет.
consent-given = Келісім алынды
consent-pending = Келісім күтілуде
consent-withdrawn = Келісім кері қайтарылды
consent-pending-short = келісім жоқ
consent-pending-note = Отбасы «келісім күтілуде» деп сақталады және тізімде солай белгіленеді. Келісімді мүмкіндігінше тезірек алыңыз.
field-consent-status = Келісім
field-consent-date = Келісім берілген күн
field-consent-form = Нысаны
consent-form-paper = қағаз түрінде (қолы қойылған)
consent-form-other = басқа дәлелденетін түрде
field-consent-until = Мерзімі (қай күнге дейін)
field-consent-until-hint = Бос қалса — өңдеу мақсаты орындалғанға дейін.
consent-until-purpose = өңдеу мақсаты орындалғанға дейін
field-consent-by = Келісімді қабылдаған
field-consent-by-hint = Бос қалса — оператордың аты.
form-save-anyway = Бәрібір сақтау
duplicates-hint-title = Бұл отбасы тізілімде бұрыннан бар болуы мүмкін:
duplicates-hint-save = Бұл басқа отбасы екеніне көз жеткізсеңіз, «Бәрібір сақтау» батырмасын басыңыз.
duplicate-reason-name-and-birth-date = аты-жөні мен туған күні сәйкес
duplicate-reason-phone = телефоны сәйкес
duplicate-reason-address = мекенжайы сәйкес

## Тізілім: отбасы парағы

section-family = Отбасы
detail-size = Отбасы мүшелерінің саны
detail-children = 18 жасқа толмаған балалар
money = { $amount } ₸
address-house = { $n }-үй
address-flat = { $n }-пәтер
col-name = Аты-жөні
col-notes = Белгілер
section-aid-history = Берілген көмек
aid-history-empty = Әзірге көмек тіркелмеген.
section-history = Өзгерістер тарихы
status-active = белсенді
status-archived = мұрағатта
status-restored = қалпына келтірілген
suggest-large-family = Отбасында 18 жасқа толмаған { $count } бала бар: отбасы «көпбалалы отбасы» санатына сай келуі мүмкін, бірақ бұл санат белгіленбеген. Тексеріп, «Өзгерту» арқылы қосыңыз.
action-archive = Мұрағатқа жіберу
action-restore = Мұрағаттан қайтару
action-destroy = Дербес деректерді жою
detail-archived = Отбасы мұрағатқа жіберілді.
detail-restored = Отбасы мұрағаттан қайтарылды.
detail-destroyed = Отбасының дербес деректері жойылды.
detail-archived-because = Мұрағатта: { $reason } ({ $date }).
detail-merged-into = Бұл отбасы басқа отбасымен біріктірілген.
detail-open-merged = Біріктірілген отбасын ашу
detail-destroyed-title = Деректері жойылған отбасы
detail-destroyed-note = Келісім кері қайтарылғандықтан, дербес деректер { $date } жойылды. Тек жинақ көрсеткіштер сақталды.
archive-title = №{ $no } отбасын мұрағатқа жіберу
field-archive-reason = Себебі
field-archive-date = Күні
field-archive-date-hint = Бос қалса — бүгін.
destroy-title = №{ $no } отбасының дербес деректерін жою
destroy-explained = Келісім кері қайтарылса, отбасы мүшелерінің аты-жөні, ЖСН-і, туған күні, телефоны, мекенжайы мен ескертпелері біржола өшіріледі — іздеу индексінен де, өзгерістер тарихынан да. Тек жинақ көрсеткіштер қалады. Бұл әрекетті болдырмау мүмкін емес.
destroy-type-number = Растау үшін отбасының тіркеу нөмірін теріңіз: { $no }

## Тізілім: тізім, сүзгілер, қайталанулар

families-filter = Сүзгілер
filter-category = Санаты
filter-village = Ауыл
filter-status = Күйі
filter-any = Барлығы
filter-status-current = Ағымдағы
filter-status-archived = Мұрағаттағы
filter-status-all = Барлығы
filter-consent-pending = Тек келісімі жоқтар
col-registry-no = №
col-members = Құрамы
col-village = Ауыл
col-registered = Тіркелген
members-count = { $size } адам, { $children } бала
duplicates-open = Қайталанулар
duplicates-title = Қайталануы мүмкін жазбалар
duplicates-explained = Бүкіл тізілім бойынша аты-жөні мен туған күні, телефоны не мекенжайы сәйкес келетін отбасылар жұбы. Біріктіргенде екінші отбасының мүшелері мен деректері біріншісіне көшеді; сәйкес келмейтін мәндер ескертпеге жазылады.
duplicates-none = Қайталануы мүмкін жазбалар табылмады.
duplicates-count = { $count } жұп
duplicates-merge = Біріктіру
duplicates-dismiss = Бұл әртүрлі отбасылар
duplicates-merged = №{ $absorbed } отбасы №{ $kept } отбасымен біріктірілді.
dup-col-first = Бірінші отбасы (сақталады)
dup-col-second = Екінші отбасы
dup-col-why = Неліктен
merge-title = Отбасыларды біріктіру
merge-explained = №{ $absorbed } ({ $absorbedName }) отбасы №{ $kept } ({ $keptName }) отбасына біріктіріледі: мүшелері, санаттары мен деректері көшеді, бір адам екі рет тіркелсе — бір жазба болады. Өзгеше мәндер ескертпеде сақталады.

## Оператор және өзгерістер тарихы

operator-label = Оператор
operator-placeholder = Аты-жөніңіз
operator-hint = Өзгерістер тарихына жазылатын аты-жөніңізді көрсетіңіз.
operator-unset = көрсетілмеген
audit-create = Тіркелді
audit-update = Өзгертілді
audit-archive = Мұрағатқа жіберілді
audit-restore = Мұрағаттан қайтарылды
audit-merge = Басқа отбасы біріктірілді
audit-merged-into = Басқа отбасына біріктірілді
audit-destroy = Дербес деректер жойылды
audit-aid-planned = Көмек жоспарланды
audit-aid-delivered = Көмек табысталды
audit-aid-cancelled = Көмек болдырылмады
audit-aid-changed = Көмек жазбасы түзетілді
audit-field-phone = Телефон
audit-field-address-oblast = Облыс
audit-field-address-district = Аудан
audit-field-address-rural-okrug = Ауылдық округ
audit-field-address-village = Ауыл
audit-field-address-street = Көше
audit-field-address-house = Үй
audit-field-address-flat = Пәтер
audit-field-housing-notes = Тұрғын үй жағдайы
audit-field-income-per-person = Жан басына табыс
audit-field-registered-on = Тіркелген күні
audit-field-notes = Ескертпелер
audit-field-categories = Санаттары
audit-field-status = Күйі
audit-field-status-reason = Мұрағат себебі
audit-field-status-on = Күйі өзгерген күн
audit-field-consent-status = Келісім
audit-field-consent-date = Келісім күні
audit-field-consent-form = Келісім нысаны
audit-field-consent-until = Келісім мерзімі
audit-field-consent-recorded-by = Келісімді қабылдаған
audit-field-name = Аты-жөні
audit-field-is-head = Отбасы басшысы
audit-field-relation = Туыстығы
audit-field-iin = ЖСН
audit-field-birth-date = Туған күні
audit-field-sex = Жынысы
audit-field-disability = Мүгедектігі
audit-field-pensioner = Зейнеткер
audit-field-student = Студент
audit-field-employment = Жұмыспен қамтылуы
field-members = Мүшелері

## Құжаттар

card-title = №{ $no } отбасының картасы
card-footer = Мейірім · №{ $no } отбасының картасы · { $date }
card-printed = Басып шығарылған күні: { $date }
card-signature = Маманның қолы: ____________________
action-print-card = Отбасы картасы (PDF)
card-saved = Отбасы картасы сақталды: { $path }
action-open-document = Ашу (басып шығару үшін)
action-show-document = Қалтада көрсету

## Анықтамалықтар

nav-reference = Анықтамалықтар
reference-title = Анықтамалықтар
reference-places = Мекенжайлар
reference-places-hint = Аудандар, ауылдық округтер мен ауылдар отбасылар сақталған сайын өздігінен толығады. Қате жазылған атауды мұнда бір рет түзетіңіз: оны қолданған барлық отбасының мекенжайы өзгереді.
reference-places-empty = Әзірге бірде-бір мекенжай жоқ: олар отбасыларды тіркегенде пайда болады.
reference-filter = Атауы бойынша іздеу
reference-nothing-found = Ештеңе табылмады.
col-level = Деңгейі
col-place = Атауы
col-within = Қайда
col-families = Отбасылар
col-status = Күйі
field-kato = КАТО коды
field-kato-hint = 9 цифр, міндетті емес
action-edit = Түзету
action-remove = Жою
place-edit-title = «{ $name }» атауын түзету
place-edit-hint = Мекенжайы өзгеретін отбасылар: { $count }. Осы деңгейде бұрыннан бар атауды жазсаңыз, екі жер біріктіріледі.
place-saved = Атауы түзетілді, отбасылардың мекенжайлары жаңартылды.
place-removed = Жер анықтамалықтан жойылды.
reference-categories = Санаттар
reference-categories-hint = Отбасы формасы осы санаттарды ұсынады. Қолданыстағы санат жойылмайды, тек жасырылады: оған жатқызылған отбасылар оны сақтайды.
field-name-kk = Қазақша атауы
field-name-ru = Орысша атауы
action-add-category = Санат қосу
category-new-title = Жаңа санат
category-edit-title = Санатты түзету
category-hidden = жасырылған
category-active = формада бар
action-hide = Жасыру
action-show = Формаға қайтару
action-move-up = Жоғары жылжыту
action-move-down = Төмен жылжыту
category-saved = Санат сақталды.

## Көмек

unit-tenge = ₸
unit-kg = кг
unit-t = т
unit-m3 = м³
unit-pcs = дана
unit-set = жиынтық
unit-hours = сағ.
unit-name-tenge = теңге (ақшалай)
unit-name-kg = килограмм
unit-name-t = тонна
unit-name-m3 = текше метр
unit-name-pcs = дана
unit-name-set = жиынтық
unit-name-hours = сағат (қызмет)
rule-none = шектеусіз
rule-days = { $days } күнде бір рет
rule-heating-season = жылыту маусымында бір рет
rule-year = жылына бір рет
delivery-status-planned = жоспарланған
delivery-status-delivered = табысталды
delivery-status-cancelled = болдырылмады
action-give-aid = Көмек беру
aid-form-title = №{ $no } отбасына көмек
field-aid-type = Көмек түрі
field-quantity = Саны
field-value = Құны, ₸
field-value-hint = Бос қалса, анықтамалықтағы бағамен есептеледі: { $value }
field-value-hint-none = Бұл көмек түрінің бағасы анықтамалықта жоқ: құнын жазыңыз (қызмет тегін болса, 0).
field-aid-date = Күні
field-aid-member = Кімге
aid-whole-family = бүкіл отбасына
field-funding-source = Қаржы көзі
field-campaign = Науқан
choice-none = — таңдалмаған —
aid-mode-delivered = Табысталды
aid-mode-planned = Жоспарланды
field-receipt-signed = Алушы қолхатқа қол қойды
field-rule-override = Ережеден тыс беру себебі
aid-rule-warning = { $status ->
    [planned] Бұл отбасына бұл көмек { $date } күніне жоспарланған.
   *[other] Бұл отбасы бұл көмекті { $date } күні алған.
} Ереже: { $rule }.
aid-saved = Көмек жазылды.
col-aid = Көмек
col-quantity = Саны
col-value = Құны
col-date = Күні
col-source = Көзі
col-unit = Өлшем бірлігі
col-unit-value = Бірлік бағасы
col-rule = Жиілігі
action-deliver = Табысталды
action-cancel-aid = Болдырмау
aid-deliver-title = Көмек табысталды деп белгілеу
aid-cancel-title = Көмекті болдырмау
field-cancel-reason = Себебі
aid-delivered-done = Көмек табысталды деп белгіленді.
aid-cancelled-done = Көмек болдырылмады.
aid-total = Табысталған көмектің жалпы құны: { $value }
aid-receipt = қолхат бар
aid-override = Ережеден тыс: { $reason }
aid-cancel-reason = Себебі: { $reason }
reference-aid-types = Көмек түрлері
reference-aid-types-hint = Көмек түрінің бірлік бағасы заттай көмекті теңгемен бағалауға қажет, ал жиілігі бір отбасына тым жиі берілгенде ескертеді. Жасырылған түр бұрын жазылған көмекте сақталады.
action-add-aid-type = Көмек түрін қосу
aid-type-new-title = Жаңа көмек түрі
aid-type-edit-title = Көмек түрін өзгерту
aid-type-saved = Көмек түрі сақталды.
field-unit-value = Бірлік бағасы, ₸
field-unit-value-hint = Бос қалса, әр көмектің құны қолмен жазылады.
field-rule-days = Неше күнде бір рет
rule-kind-none = шектеусіз
rule-kind-days = белгілі бір күн сайын
rule-kind-heating-season = жылыту маусымында бір рет
rule-kind-year = жылына бір рет

## Тізімдеме

list-title = КӨМЕК БЕРУ ТІЗІМДЕМЕСІ
list-footer = Мейірім · { $campaign } · { $date }
list-col-recipient = Алушы
list-col-signature = Қолы
list-total = Барлығы: { $count } алушы, { $value }
list-issued-by = Көмекті берген:
col-served-on = Соңғы берілген күні
bulk-planned = Жоспарланды: { $count } отбасы. Ереже бойынша өткізіліп кетті: { $skipped }.
bulk-delivered = Табысталды деп белгіленді: { $count }.
list-saved = Тізімдеме сақталды: { $path }
field-starts-on = Басталуы
field-ends-on = Аяқталуы
summary-line = Көмек алған отбасылар: { $families } · табысталды: { $delivered } · жоспарланған: { $planned } · жалпы құны: { $value } · еріктілер: { $volunteers } · сағат: { $hours }

## Науқандар

nav-campaigns = Науқандар
campaigns-title = Науқандар мен акциялар
campaigns-empty = Әзірге бірде-бір науқан жоқ. «Жаңа науқан» батырмасын басыңыз.
campaigns-back = ← Науқандар
campaign-new = Жаңа науқан
field-campaign-name = Атауы
field-campaign-kind = Түрі
field-description = Сипаттамасы
campaign-kind-aid = көмек тарату
campaign-kind-school = «Мектепке жол»
campaign-kind-holiday = мерекелік акция
campaign-kind-volunteer = волонтерлік акция
campaign-kind-blood = донорлық акция
campaign-kind-cleanup = сенбілік, абаттандыру
campaign-kind-other = басқа
fig-families = көмек алған отбасы
fig-delivered = табысталған көмек
fig-planned = жоспарланған
fig-value = жалпы құны
fig-volunteers = ерікті
fig-hours = сағат
campaign-round = Көмек тарату
campaign-round-empty = Бұл науқанда әзірге көмек жоспарланбаған. «Отбасыларды таңдау» батырмасын басыңыз.
action-distribute = Отбасыларды таңдау
action-print-list = Тізімдемені басып шығару
action-deliver-all = Барлығын табысталды деп белгілеу ({ $count })
action-deliver-ticked = Белгіленгендерді табысталды деп белгілеу ({ $count })
action-save-pdf = PDF сақтау
field-signatory = Қол қоятын адам (лауазымы, аты-жөні)
field-signatory-hint = Тізімдеменің соңында қол қою сызығының жанында басылады.
field-full-iin = ЖСН-ді толық басу
field-full-iin-hint = Әдетте ЖСН-нің соңғы 4 цифры ғана көрсетіледі. Толық ЖСН тек тізімдемені тексеретін мекемеге қажет болса ғана басыңыз.
distribute-title = «{ $campaign }»: отбасыларды таңдау
bulk-only-not-served = Ереже бойынша әлі алмағандар ғана
bulk-find = Отбасыларды табу
bulk-none = Сүзгіге сай отбасы жоқ.
bulk-chosen = Таңдалды: { $count } / { $total }
bulk-served-on = алған: { $date }
bulk-override-hint = Таңдалғандардың { $count } отбасы бұл көмекті ереже бойынша жақында алған: оларға да беру үшін себебін жазыңыз, әйтпесе олар өткізіліп кетеді.
bulk-plan = Көмекті жоспарлау ({ $count })

## Еріктілер

nav-volunteers = Еріктілер
volunteers-title = Еріктілер
volunteers-search = Аты-жөні бойынша іздеу
volunteers-empty = Әзірге бірде-бір ерікті тіркелмеген. «Жаңа ерікті» батырмасын басыңыз.
volunteers-back = ← Еріктілер
volunteer-new = Жаңа ерікті
volunteer-edit = Еріктінің деректерін өзгерту
volunteer-saved = Еріктінің деректері сақталды.
field-joined-on = Қосылған күні
field-civil-servant = Мемлекеттік қызметші
field-agency = Мекемесі
field-position = Лауазымы
field-parental-consent = Ата-анасының жазбаша келісімі бар (14 жасқа толмағандар үшін)
col-age = Жасы
col-activities = Іс-шаралар
volunteer-activities = Атқарған жұмыстары
volunteer-no-activities = Әзірге ештеңе жазылмаған.
action-log-activity = Жұмыс уақытын жазу
activity-saved = Жазылды.
field-activity-kind = Түрі
field-hours = Сағат саны
activity-delivery = көмек жеткізу
activity-cleaning = үй тазалау
activity-event = іс-шара
activity-blood-donation = қан тапсыру
activity-tree-planting = ағаш отырғызу
activity-other = басқа

## Ұйымдар мен қаржы көздері

reference-organisations = Ұйымдар
reference-funding = Қаржы көздері
organisations-empty = Әзірге бірде-бір ұйым жоқ.
action-add-organisation = Ұйым қосу
organisation-new = Жаңа ұйым
organisation-edit = Ұйымды өзгерту
organisation-saved = Ұйым сақталды.
field-org-name = Атауы
field-org-name-ru-hint = Бос қалса, қазақша атауы қолданылады.
field-org-kind = Түрі
field-bin = БСН
field-contact = Байланыс адамы
field-organisation = Ұйымы
org-kind-volunteer = волонтерлік ұйым
org-kind-ngo = қоғамдық бірлестік (ҮЕҰ)
org-kind-sponsor = демеуші
org-kind-state = мемлекеттік орган
org-kind-business = кәсіпорын
org-kind-other = басқа
action-add-source = Қаржы көзін қосу
source-new = Жаңа қаржы көзі
source-edit = Қаржы көзін өзгерту
source-saved = Қаржы көзі сақталды.
source-kind-budget = бюджет
source-kind-sponsor = демеуші
source-kind-ngo = ҮЕҰ
source-kind-grant = грант
source-kind-other = басқа
col-budget = Бюджеті, ₸
col-spent = Жұмсалды
col-left = Қалды
field-budget-hint = Грант не демеуші қаражатының жалпы сомасы; бос қалса, шектеусіз.
field-delivered-by = Кім жеткізді (еріктілер)
aid-delivered-by = Жеткізген: { $names }
campaign-edit = Науқанды өзгерту
campaign-saved = Науқан сақталды.
field-organiser = Ұйымдастырушы
round-more = Алғашқы { $shown } жол көрсетілді, барлығы { $count }. Тізімдеме мен «Барлығын табысталды деп белгілеу» барлық жолды қамтиды.

## Letters, diplomas, certificates and their register.
nav-letters = Алғыс хаттар
letters-title = Алғыс хаттар, грамоталар, сертификаттар
letters-tab-batch = Жаңа топтама
letters-tab-register = Тізілім
letters-tab-verify = Тексеру
letters-tab-templates = Үлгілер мен бланк
document-kind-gratitude = Алғыс хат
document-kind-diploma = Құрмет грамотасы
document-kind-certificate = Сертификат
letters-template = Үлгі
letters-template-name = { $kk }
letters-layout = Тілі
letters-layout-kk = қазақша
letters-layout-ru = орысша
letters-layout-bilingual = екі тілде (қазақшасы үстінде)
letters-date = Құжат күні
letters-date-today = бүгін
letters-period = Кезең
letters-period-hint = Бос қалса, науқанның басталу–аяқталу күндері жазылады.
letters-deed-kk = Игі іс (қазақша)
letters-deed-kk-hint = Мысалы: қыс кезінде көмір жеткізуге көмектескеніңіз
letters-deed-ru = Доброе дело (орысша)
letters-deed-ru-hint = Мысалы: помощь в доставке угля зимой
letters-recipients = Кімдерге
letters-source-volunteers = Еріктілер
letters-source-typed = Аты-жөндер тізімі
letters-any-organisation = кез келген
letters-min-hours = Кемінде, сағат
letters-source-volunteers-hint = Науқан таңдалса, сол науқанда уақыты жазылған еріктілер ғана алынады, сағаттары да сол науқандікі.
letters-typed-names = Әр жолға бір адам: тегі, аты, әкесінің аты
letters-typed-placeholder = Серіков Дәурен Болатұлы
letters-find = Табу
letters-none-found = Таңдалғандарға сай ешкім табылмады. Сүзгіні өзгертіңіз не аты-жөндерді теріңіз.
letters-review-hint = Барыс септіктегі аты-жөнді тексеріңіз: қате болса, түзетіңіз — түзетілгені сақталып, келесі жолы қайта ұсынылады. ⚠ белгісі бар жолдарды міндетті түрде қараңыз.
letters-nominative-hint = Бұл үлгіде адам атау септігінде жазылады, сондықтан аты-жөн өзгермейді.
letters-include-all = Барлығын таңдау
letters-col-recipient = Кімге
letters-col-hours = Сағат
letters-dative-kk = Кімге (қазақша)
letters-dative-ru = Кімге (орысша)
letters-corrected = бұрын түзетілген
letters-preview = Алдын ала қарау
letters-preview-title = Басылатын бет: { $name }
letters-preview-hint = Бет басылатын PDF-пен бірдей сызылады. Нөмір мен QR-код құжат шығарылғанда беріледі.
letters-close = Жабу
letters-doubts = Тексеруді қажет ететін аты-жөндер: { $count }.
letters-progress = { $done } / { $total } бет ({ $percent }%)
letters-issue = Шығару: { $count } құжат
letters-issued = { $count } құжат шығарылып, тізілімге енгізілді: № { $first } – № { $last }.
letters-open-register = Тізілімді ашу
letters-saved = { $count } құжат жасалды: { $path }
letters-numbers = Нөмірлері: № { $first } – № { $last }
letters-cancelled = № { $number } құжаты күшін жойды деп белгіленді.
letters-reprinted = Қайта басуға дайын: { $path }
letters-register-search = Аты-жөні не нөмірі
letters-register-year = Жылы
letters-register-empty = Тізілімде құжат жоқ.
letters-col-number = Нөмірі
letters-col-date = Күні
letters-col-kind = Түрі
letters-col-reason = Не үшін
letters-col-status = Күйі
letters-col-template = Үлгі
letters-col-issued = Шығарылғаны
letters-cancelled-because = Күшін жойды: { $reason }
letters-status-valid = Жарамды
letters-reprint = Қайта басу
letters-cancel-document = Күшін жою
letters-cancel-title = № { $number } құжатының күшін жою
letters-cancel-explain = { $name } атына берілген құжат тізілімде қалады, бірақ тексергенде «күші жойылған» деп көрсетіледі.
letters-cancel-reason = Себебі
letters-signatory = Қол қоюшы
verify-explain = Құжаттағы QR-кодты телефонмен оқып, мәтінін осында қойыңыз немесе құжаттағы нөмірді теріңіз. Тексеру интернетсіз, осы тізілім бойынша жүреді.
verify-code = QR-код мәтіні не құжат нөмірі
verify-check = Тексеру
verify-status-valid = Құжат тізілімде бар және жарамды.
verify-status-cancelled = Құжат тізілімде бар, бірақ күші жойылған.
verify-status-altered = Мұндай нөмір бар, бірақ QR-код басқа құжатқа тиесілі: қағаз өзгертілген не жалған болуы мүмкін.
verify-status-not-found = Мұндай нөмір тізілімде жоқ.
verify-number-only = Тек нөмір тексерілді: аты-жөн мен күнді төмендегімен салыстырыңыз.
letterhead-title = Бланк
letterhead-header-kk = Мекеме атауы (қазақша)
letterhead-header-ru = Мекеме атауы (орысша)
letterhead-place-kk = Елді мекен (қазақша)
letterhead-place-ru = Елді мекен (орысша)
letterhead-number-format = Нөмір пішімі
letterhead-number-format-hint = {"{"}seq{"}"} — жыл ішіндегі реттік нөмір, {"{"}seq:3{"}"} — үш таңбалы (007), {"{"}year{"}"} — жыл.
letterhead-logo = Елтаңба не логотип
letterhead-logo-set = қойылған
letterhead-logo-none = жоқ
letterhead-logo-choose = Суретті таңдау (PNG, JPEG)
letterhead-logo-remove = Алып тастау
letterhead-saved = Бланк сақталды.
templates-title = Үлгілер
template-new = Жаңа үлгі
template-edit = Үлгіні өзгерту
template-archived = мұрағатта
template-archive = Мұрағатқа
template-restore = Қайтару
template-issued-note = Бұл үлгімен { $count } құжат шығарылған: олар басылған күйінде тізілімде сақталады, өзгеріс тек жаңа құжаттарға әсер етеді.
template-addressee = Адамның аты-жөні
template-addressee-dative = барыс септігінде (кімге: алғыс хат)
template-addressee-nominative = атау септігінде (кім: грамота, сертификат)
template-name-kk = Үлгі атауы (қазақша)
template-name-ru = Үлгі атауы (орысша)
template-title-kk = Тақырыбы (қазақша)
template-title-ru = Тақырыбы (орысша)
template-body-kk = Мәтіні (қазақша)
template-body-ru = Мәтіні (орысша)
template-placeholders = Мәтінге қоюға болатындар:
placeholder-recipient = адамның аты-жөні
placeholder-campaign = науқан атауы
placeholder-deed = игі іс
placeholder-period = кезең
placeholder-hours = сағат саны
template-position-kk = Қол қоюшының лауазымы (қазақша)
template-position-ru = Қол қоюшының лауазымы (орысша)
template-seal = Мөр орны (М.О. / М.П.)
doubt-soft-sign = ь не ъ әрпімен аяқталады
doubt-hyphen = сызықшасы бар
doubt-foreign = бейтаныс әріптер
doubt-no-vowel = үндестікті анықтау қиын
doubt-unknown-sex = жынысы белгісіз
doubt-empty = бос
error-number-format-invalid = { $reason ->
    [no-seq] Нөмір пішімінде бір рет {"{"}seq{"}"} болуы керек.
    [no-year] Нөмір пішімінде {"{"}year{"}"} болуы керек: нөмірлер жыл сайын 1-ден басталады.
    [unknown] Нөмір пішімінде тек {"{"}seq{"}"}, {"{"}seq:3{"}"} және {"{"}year{"}"} қолданылады.
    [unclosed] Нөмір пішімінде жабылмаған жақша бар.
    [taken] № { $number } нөмірі осы жылы бұрын берілген. Нөмір пішімін бұрынғысына қайтарыңыз.
   *[too-long] Нөмір пішімі тым ұзын.
}
error-image-invalid = { $reason ->
    [too-large] Сурет тым үлкен: { $max } КБ-тан аспауы керек.
   *[unreadable] Сурет оқылмады: PNG не JPEG файлын таңдаңыз.
}
error-recipient-incomplete = { $line }-жол: «{ $text }» — тегі мен аты толық емес не кімге жазылатыны бос. Толтырыңыз.
error-too-many-recipients = Бір топтамада { $max } адамнан артық болмайды. Тізімді бөліңіз.
error-batch-cancelled = Топтама тоқтатылды: ештеңе шығарылған жоқ, нөмірлер босқа кетпеді.
error-document-cancelled = № { $number } құжатының күші бұрын жойылған.
error-option-missing = { $option } параметрін көрсетіңіз.
error-no-recipients = Ешкім таңдалмаған: алдымен алушыларды табыңыз.
letters-signatory-placeholder = А.Б. Серіков

## Period report.
report-title = Кезеңдік есеп
report-compared-with = Салыстыру кезеңі
report-col-line = Көрсеткіш
report-col-value = Мәні
report-col-families = Отбасы
report-col-deliveries = Берілім
report-col-quantity = Саны
report-col-issued = Берілді
report-col-volunteers = Ерікті
report-col-hours = Сағат
report-section-summary = Жалпы көрсеткіштер
report-section-families-by-category = Көмек алған отбасылар санаттар бойынша
report-section-families-by-village = Көмек алған отбасылар елді мекендер бойынша
report-section-aid-by-type = Көмек түрлері бойынша
report-section-campaigns = Өткізілген науқандар мен акциялар
report-section-volunteers = Еріктілер
report-section-volunteers-by-organisation = Еріктілер ұйымдар бойынша
report-section-letters = Берілген алғыс хаттар мен грамоталар
report-section-registry = Тізілім
report-families-helped = Көмек алған отбасылар
report-deliveries = Көмек берілімдері
report-value = Көмектің жалпы құны
report-value-cash = оның ішінде ақшалай
report-value-in-kind = оның ішінде заттай
report-no-village = Елді мекені көрсетілмеген
report-volunteers = Қатысқан еріктілер
report-civil-servants = оның ішінде мемлекеттік қызметшілер
report-age-under-14 = 14 жасқа дейінгі
report-age-14-35 = 14–35 жастағы жастар
report-age-over-35 = 35 жастан асқан
report-age-unknown = жасы белгісіз
report-hours = Волонтерлік сағаттар
report-blood-donations = Қан тапсыру
report-no-organisation = Ұйымсыз
report-families-registered = Тіркелген отбасылар
report-families-archived = Мұрағатқа шығарылған отбасылар
report-saved = Есеп сақталды: { $path }
error-export-failed = «{ $path }» файлын жазу мүмкін болмады: { $reason ->
    [full] флешкада орын жоқ. Артық файлдарды өшіріңіз не басқа флешка салыңыз
    [read-only] флешкаға жазуға болмайды (қорғалған). Қорғау ілгегін ағытыңыз не басқа флешка алыңыз
    [gone] флешка не қалта табылмады. Флешканы қайта салып, тізімді жаңартыңыз
    [mismatch] жазылғаны қайта оқылғанда сәйкес келмеді, флешка ақаулы болуы мүмкін. Басқа флешкаға жазыңыз
   *[other] { $detail }
}. Дерекқор өзгерген жоқ.
report-previous-short = алдыңғы
nav-report = Есеп
report-period = Кезең
report-preset-month = ай
report-preset-quarter = тоқсан
report-preset-half-year = жарты жыл
report-preset-year = жыл
report-preset-range = екі күннің аралығы
report-containing = Кезеңге кіретін күн
report-village = Елді мекен
report-all = барлығы
report-show = Есепті құру
report-busy = Есеп дайындалуда…
report-aggregates-only = тек жиынтық сандар: аты-жөн мен ЖСН жоқ
report-save-pdf = PDF сақтау
report-save-xlsx = Excel (XLSX) сақтау
report-save-csv = CSV сақтау
usb-title = Флешкаға немесе басқа орынға сақтау
usb-none = Флешка табылмады. Флешканы салып, «Тізімді жаңарту» басыңыз.
usb-drive = Флешка
usb-format = Пішімі
usb-write = Сақтау
usb-refresh = Тізімді жаңарту
usb-done = Жазылды және тексерілді: { $path }. Флешканы алуға болады.

## Lists with personal data.
list-sheet-families = Отбасылар
list-sheet-deliveries = Көмек
list-sheet-volunteers = Еріктілер
list-col-family-no = Отбасы №
list-col-family-id = Отбасы ID
list-col-head = Басшы
list-col-surname = Тегі
list-col-name = Аты
list-col-patronymic = Әкесінің аты
list-col-birth-date = Туған күні
list-col-sex = Жынысы
list-col-relation = Туыстығы
list-col-iin = ЖСН
list-col-phone = Телефон
list-col-rural-okrug = Ауылдық округ
list-col-village = Елді мекен
list-col-street = Көше
list-col-house = Үй
list-col-flat = Пәтер
list-col-categories = Санаттары
list-col-status = Күйі
list-col-registered-on = Тіркелген күні
list-col-date = Күні
list-col-aid-type = Көмек түрі
list-col-quantity = Саны
list-col-unit = Өлшем бірлігі
list-col-value = Құны
list-col-campaign = Науқан
list-col-source = Қаржы көзі
list-col-organisation = Ұйымы
list-col-agency = Мемлекеттік органы
list-col-hours = Сағат
error-personal-data-not-confirmed = Бұл тізімде адамдардың дербес деректері бар. Оны әдейі шығарып жатқаныңызды растаңыз.
error-export-cancelled = Экспорт тоқтатылды: файл жазылған жоқ.
export-saved = { $rows } жол жазылды: { $path }

## Dashboard (home screen)
nav-home = Басты бет
nav-families = Отбасылар
dashboard-title = Басты бет
dashboard-as-of = { $date } күнгі жағдай
dashboard-this-month = Осы ай
dashboard-this-year = Осы жыл
dashboard-families-current = Тізімдегі отбасылар
dashboard-families-helped = Көмек алған отбасылар
dashboard-value = Берілген көмектің құны
dashboard-volunteers = Қатысқан еріктілер
dashboard-letters = Берілген алғыс хаттар
dashboard-registered = Жаңадан тіркелген отбасылар
dashboard-chart-aid = Айлар бойынша көмек (₸), түрлеріне қарай
dashboard-chart-categories = Санаттар бойынша отбасылар
dashboard-chart-villages = Ең көп көмек алған елді мекендер
dashboard-no-aid = Биыл әлі көмек берілмеген.
dashboard-open-hint = Санды немесе диаграмма бағанасын бассаңыз, оның артындағы тізім ашылады.
dashboard-refresh = Жаңарту
nav-label = Бөлімдер
dashboard-as-table = Кесте түрінде
month-short-1 = Қаң
month-short-2 = Ақп
month-short-3 = Нау
month-short-4 = Сәу
month-short-5 = Мам
month-short-6 = Мау
month-short-7 = Шіл
month-short-8 = Там
month-short-9 = Қыр
month-short-10 = Қаз
month-short-11 = Қар
month-short-12 = Жел
filter-helped = Көмек алғандар: { $from } – { $to }
filter-registered = Тіркелгендер: { $from } – { $to }
filter-remove = Сүзгіні алып тастау
report-tab-report = Кезеңдік есеп
report-tab-lists = Дербес деректері бар тізімдер
destination-label = Қайда сақталады
destination-drive = Флешка { $name } ({ $path })
destination-documents = Бағдарламаның «Құжаттар» қалтасы
destination-other = Басқа орын… (сақтау терезесі ашылады)
list-export-warning = Бұл тізімдерде адамдардың аты-жөні, мекенжайы, телефоны бар. Оларды тек қызмет бабында ғана шығарыңыз; әр экспорт аудит журналына жазылады. Аудандық есепке «Кезеңдік есеп» қойындысы жеткілікті — онда тек жиынтық сандар бар.
list-export-kind = Тізім
list-export-kind-families = Отбасылар мен мүшелері (әр адам — бір жол)
list-export-kind-deliveries = Берілген көмек
list-export-kind-volunteers = Еріктілер
list-export-with-iin = ЖСН-ді қосу
list-export-confirm = Бұл тізімде дербес деректер бар екенін түсінемін және оны әдейі шығарамын
list-export-start = Экспорттау
list-export-phase-reading = Тізілімнен оқылды: { $done } жол
list-export-phase-writing = Файлға жазылды: { $done } / { $total } жол
list-export-phase-saving = Файл сақталып, тексерілуде…
list-export-done = { $rows } жол жазылды және тексерілді: { $path }. Экспорт аудит журналына жазылды.
list-export-done-usb = { $rows } жол жазылды және тексерілді: { $path }. Экспорт аудит журналына жазылды. Флешканы алуға болады.

## Import of the office's Excel / CSV lists
audit-import = Тізім импортталды
audit-import-undone = Импорт болдырылмады
error-import-iin-mangled = ЖСН «{ $value }» болып сақталған: Excel оны сан ретінде қысқартып, цифрларын жоғалтқан. Бастапқы файлда бағанның пішімін «Мәтін» етіп, ЖСН-ді қайта енгізіңіз.
error-import-date-unreadable = «{ $value }» күн ретінде оқылмады. Күнді 06.12.2023 түрінде жазыңыз (жылы төрт цифрмен).
error-import-category-unknown = «{ $value }» санаты кеңсенің тізімінде жоқ. Атауын түзетіңіз немесе «Анықтамалық» бөлімінде санатты қосыңыз.
error-import-sex-unknown = «{ $value }» жынысы ретінде танылмады: «ер» не «әйел» деп жазыңыз. Жынысы бос қалдырылды.
error-import-relation-unknown = «{ $value }» туыстығы танылмады: «басқа» деп жазылды. Кейін отбасы парағында түзетіңіз.
error-import-relation-missing = Туыстығы көрсетілмеген: «басқа» деп жазылды. Кейін отбасы парағында түзетіңіз.
error-import-head-guessed = Отбасы басшысы белгіленбеген: бірінші жолдағы адам басшы деп алынды.
error-import-head-twice = Бір отбасында екі басшы: басшы { $head_row }-жолда көрсетілген. Біреуінің туыстығын жазыңыз.
error-import-name-incomplete = «{ $value }» — тек бір сөз. Тегі мен атын бос орынмен бөліп жазыңыз.
error-import-row-without-name = Бұл жолда аты-жөні де, ЖСН де жоқ (мысалы, «Барлығы» жолы): ол өткізіп жіберілді.
error-import-letters-lost = «{ $value }» атында «?» белгісі бар: файл Windows-1251 кодтауында сақталғанда қазақ әріптері жоғалған. Файлды «CSV UTF-8» немесе XLSX түрінде қайта сақтаңыз.
error-import-iin-birth-mismatch = Туған күні ЖСН-дегі күнмен сәйкес келмейді. Құжатпен салыстырыңыз.
error-import-iin-twice = Бұл ЖСН файлда { $first }-жолда да бар. Қайталанған жолды өшіріңіз.
error-import-person-twice = Осы аты-жөні мен туған күні бар адам файлда { $first }-жолда да бар. Қайталанған жолды өшіріңіз.
error-import-iin-other-families = Бұл отбасының ЖСН-дері тізілімдегі екі түрлі отбасына тиесілі: №{ $first } және №{ $second }. Файлдағы отбасы құрамын тексеріңіз немесе алдымен ол екі отбасын біріктіріңіз.
error-import-same-family-twice = Файлдағы басқа жол да тізілімдегі осы отбасына сәйкес келеді. Отбасы нөмірін (кілтін) тексеріңіз.
error-import-field-twice = «{ $field }» өрісі екі бағанға берілген: { $first } және { $second }. Біреуін «алынбайды» етіңіз.
error-import-name-not-mapped = Аты-жөні бағаны таңдалмаған. «Т.А.Ә.» бағанын, не «Тегі» мен «Аты» бағандарын көрсетіңіз.
error-import-file-empty = Файл бос: онда жолдар жоқ.
error-import-not-spreadsheet = Бұл файл кесте емес. XLSX, XLS, ODS немесе CSV файлын таңдаңыз.
error-import-file-damaged = Файл бүлінген, оқылмады ({ $reason }). Оны Excel-де ашып, қайта сақтап көріңіз.
error-import-no-header = Тақырып жолы табылмады. Тақырып жолының нөмірін өзіңіз көрсетіңіз.
error-import-file-unreadable = Файл ашылмады: { $path } ({ $reason }).
error-import-no-file = Алдымен файлды таңдаңыз.
error-import-cancelled = Импорт тоқтатылды: тізілімге ештеңе жазылған жоқ.
error-import-undo-edited = Импортты болдырмау мүмкін емес: оның { $count } отбасы кейін өзгертілген. Өзгерістерді жоғалтпау үшін оларды қолмен түзетіңіз.
error-import-already-undone = Бұл импорт { $at } болдырылмаған.
import-issue-at = { $row }-жол, { $column } бағаны («{ $header }»): { $message }
import-issue-row = { $row }-жол: { $message }
import-rejected-sheet = Қабылданбаған жолдар
import-rejected-reason = Себебі
import-rejected-with-family = Осы отбасының басқа жолында қате бар.
import-template-sheet = Отбасылар
import-example-female = әйел
import-example-male = ер
import-example-spouse = жұбайы
import-example-category = көпбалалы отбасы
import-field-family-key = Отбасы нөмірі (кілті)
import-field-full-name = Т.А.Ә. (бір бағанда)
import-field-surname = Тегі
import-field-name = Аты
import-field-patronymic = Әкесінің аты
import-field-iin = ЖСН
import-field-birth-date = Туған күні
import-field-sex = Жынысы
import-field-relation = Туыстығы
import-field-phone = Телефон
import-field-village = Елді мекен
import-field-street = Көше
import-field-house = Үй
import-field-flat = Пәтер
import-field-address = Мекенжай (бір бағанда)
import-field-categories = Санаты
import-field-registered-on = Тіркелген күні
import-field-notes = Ескерту
import-column-family-key = Отбасы №
import-column-full-name = Т.А.Ә.
import-column-surname = Тегі
import-column-name = Аты
import-column-patronymic = Әкесінің аты
import-column-iin = ЖСН
import-column-birth-date = Туған күні
import-column-sex = Жынысы
import-column-relation = Туыстығы
import-column-phone = Телефон
import-column-village = Елді мекен
import-column-street = Көше
import-column-house = Үй
import-column-flat = Пәтер
import-column-address = Мекенжай
import-column-categories = Санаты
import-column-registered-on = Тіркелген күні
import-column-notes = Ескерту
import-fix-iin-leading-zero = ЖСН-нің басындағы нөл қайтарылды
import-fix-date-serial = Excel күн нөмірі күнге айналдырылды
import-fix-date-spelling = Күн басқаша жазылған — оқылды
import-fix-phone = Телефон +7 түріне келтірілді
import-fix-latin-letters = Кирилл сөзіндегі латын әріптері ауыстырылды
import-fix-spaces = Артық бос орындар алынды
import-fix-name-split = Т.А.Ә. тегі, аты, әкесінің аты болып бөлінді
import-fix-category = Санат тізімдегі атауымен сәйкестендірілді
import-fix-address-split = Мекенжай бөліктерге бөлінді
import-count-rows = Деректі жолдар
import-count-families = Файлдағы отбасылар
import-count-added = Жаңа отбасылар
import-count-updated = Жаңартылатын отбасылар
import-count-unchanged = Тізілімде бар, өзгеріссіз
import-count-skipped = Өткізілетін сәйкестіктер
import-count-rejected = Қатесі бар отбасылар (импортталмайды)
import-count-error-rows = Қатесі бар жолдар
import-count-warning-rows = Ескертуі бар жолдар
import-earlier = Бұл файл { $at } импортталған. Қайта импорттау бар отбасыларды қайталамайды.
import-undone = Импорт болдырылмады: { $removed } отбасы алынды, { $restored } отбасы бұрынғы күйіне қайтарылды.
import-cli-sheet = Парақ «{ $sheet }», тақырып жолы: { $row }
import-cli-column = Баған
import-cli-header = Тақырып
import-cli-field = Өріс
import-cli-what = Не
import-cli-count = Саны
import-cli-match = { $row }-жол → №{ $registry_no } отбасы, { $name }:
import-cli-done = Импорт аяқталды. Болдырмау: meirim-cli imports undo { $batch }
import-cli-dry-run = Бұл тексеру ғана: тізілімге ештеңе жазылған жоқ.
import-cli-at = Уақыты
import-cli-file = Файл
import-cli-undone = Болдырылмаған
