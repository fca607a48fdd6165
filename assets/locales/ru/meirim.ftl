# Мейірім — русские тексты. Пара каждого сообщения на казахском — в kk/meirim.ftl.
# Errors are `error-<code>` (crates/meirim-core/src/problem.rs), warnings `warning-<code>`.

## Приложение

app-name = Мейірім
app-subtitle = Реестр нуждающихся семей
startup-failed = Мейірім не смог открыть файл данных
language-label = Язык
language-kk = Қазақша
language-ru = Русский
value-missing = —
loading = Загрузка…
data-folder = Папка данных

## Список семей

families-title = Семьи
families-search-label = Поиск
families-search-placeholder = Поиск по ФИО, ИИН, телефону или адресу
families-new = Новая семья
families-count = Всего: { $count } { $count ->
    [one] семья
    [few] семьи
   *[many] семей
}
families-empty = Пока не зарегистрировано ни одной семьи. Нажмите «Новая семья».
families-no-match = По запросу «{ $query }» ничего не найдено.
families-page = { $from }–{ $to } из { $total }
families-count-more = Найдено более { $count } семей. Уточните поиск.
families-page-more = { $from }–{ $to } из более чем { $total }
families-prev = ← Назад
families-next = Далее →
col-head = Глава семьи
col-iin = ИИН
col-birth-date = Дата рождения
col-address = Адрес
col-phone = Телефон
col-categories = Категории

## Форма семьи

form-new-title = Регистрация новой семьи
form-edit-title = Изменение данных семьи
section-head = Глава семьи
section-contacts = Контакты и адрес
section-categories = Категории
section-notes = Примечания
field-surname = Фамилия
field-name = Имя
field-patronymic = Отчество
field-iin = ИИН
field-iin-hint = 12 цифр. Верный ИИН сам заполнит дату рождения и пол.
field-birth-date = Дата рождения
field-birth-date-placeholder = ДД.ММ.ГГГГ
field-sex = Пол
sex-male = Мужской
sex-female = Женский
sex-unknown = Не указан
field-phone = Телефон
field-phone-hint = Например: +7 701 234 56 78
field-oblast = Область
field-oblast-none = Не выбрана
field-district = Район
field-rural-okrug = Сельский округ
field-village = Село
field-street = Улица, дом, квартира
field-notes = Примечания
iin-prefilled = Дата рождения и пол заполнены по ИИН.
form-save = Сохранить
form-saving = Сохранение…
form-cancel = Отмена
unsaved-title = Есть несохранённые данные
unsaved-text = Введённое в форму ещё не сохранено. Если уйти, оно пропадёт.
unsaved-stay = Вернуться к форме
unsaved-leave = Уйти без сохранения
form-has-errors = Некоторые поля заполнены неверно. Исправьте отмеченные красным.
required-mark = обязательно

## Страница семьи

detail-back = ← К списку
detail-edit = Изменить
detail-saved = Сохранено.
detail-registered = Дата регистрации
detail-updated = Последнее изменение
detail-no-categories = Категории не указаны

## Предупреждения по ИИН (сохранению не мешают)

warning-impossible-date = Первые шесть цифр ИИН не образуют существующую дату. Сверьте с документом.
warning-unknown-century = Седьмая цифра ИИН должна быть от 1 до 6, поэтому век рождения и пол определить нельзя.
warning-birth-date-mismatch = Введённая дата рождения не совпадает с датой по ИИН ({ $date }). С 2013 года так бывает, но сверьте с документом.
warning-sex-mismatch = Указанный пол не совпадает с полом по ИИН. Сверьте с документом.
warning-outside-campaign = Эта дата вне сроков акции ({ $dates }). Проверьте дату; если она верна, можно сохранять.

## Ошибки

error-required = Заполните это поле.
error-too-long = Слишком длинный текст: не более { $max } символов, сейчас { $length }.
error-hidden-characters = В тексте есть невидимые или управляющие символы (возможно, он скопирован из другой программы). Сотрите текст и наберите его заново.
error-name-characters = В фамилии, имени и отчестве допустимы только буквы, пробел, дефис, апостроф, точка и скобки: уберите символ «{ $char }».
error-invalid-date = «{ $value }» не распознано как дата. Укажите дату в виде 06.12.2023.
error-date-in-future = Эта дата ещё не наступила. Проверьте год.
error-date-too-old = Дата рождения раньше { $year } года, вероятно, ошибочна. Проверьте год.
error-date-out-of-range = Дата должна быть в пределах { $from }–{ $to } годов. Проверьте год.
error-iin-length = ИИН состоит из 12 цифр, а введено { $length }.
error-iin-not-digits = ИИН состоит только из цифр. Уберите буквы и знаки.
error-iin-checksum = Последняя (контрольная) цифра ИИН не сходится: вероятно, одна цифра набрана с ошибкой. Сверьте с документом.
error-iin-taken = Этот ИИН уже есть в реестре: семья № { $registry_no }, { $name }. Не создавайте новую семью, откройте страницу той семьи.
error-phone-invalid = «{ $value }» не похоже на казахстанский номер телефона. Укажите в виде +7 701 234 56 78.
error-unknown-oblast = Область «{ $value }» не найдена. Выберите область из списка.
error-unknown-category = Категория «{ $value }» не найдена. Выберите категорию из списка.
error-unknown-language = Язык «{ $value }» неизвестен. Укажите kk (казахский) или ru (русский).
error-invalid-choice = Недопустимое значение «{ $value }». Возможные значения: { $allowed }.
error-amount-invalid = «{ $value }» не похоже на сумму. Укажите целое число тенге, например: 45 000.
error-amount-too-large = Слишком большая сумма: не более { $max } ₸.
error-date-before-start = Окончание срока не может быть раньше его начала.
error-head-missing = Укажите главу семьи: нажмите «Сделать главой» у одного из членов семьи.
error-head-not-unique = Глава семьи может быть только один, а отмечено: { $count }.
error-too-many-members = Слишком много членов семьи: не более { $max }.
error-iin-repeated = Этот ИИН уже указан в этой форме у другого члена семьи. У каждого человека свой ИИН.
error-kato-invalid = Код КАТО состоит из 9 цифр, а «{ $value }» — нет.
error-place-exists = Название «{ $name }» на этом уровне уже есть.
error-place-in-use = «{ $name }» нельзя удалить: там { $count ->
    [one] живёт { $count } семья
    [few] живут { $count } семьи
   *[many] живут { $count } семей
}. Исправьте название или переименуйте место в правильное название того же уровня: они объединятся.
error-place-has-places = «{ $name }» нельзя удалить: в нём есть округа или сёла ({ $count }). Сначала исправьте их.
error-category-exists = Категория «{ $name }» уже есть. Дайте другое название или используйте существующую.
error-choice-missing = Выбранная запись не найдена. Обновите список и выберите снова.
error-aid-too-soon = { $status ->
    [planned] Этой семье эта помощь уже запланирована на { $date }.
   *[other] Эта семья уже получила эту помощь { $date }.
} Чтобы выдать её всё равно, укажите причину.
error-quantity-invalid = Количество «{ $value }» указано неверно. Пишите число цифрами, дробную часть через запятую: 2,5.
error-days-invalid = Число дней «{ $value }» неверно: укажите целое число от 1 до { $max }.
error-aid-type-exists = Вид помощи «{ $name }» уже есть. Дайте другое название.
error-too-many-families = В одном раунде не больше { $max } семей, а выбрано { $count }. Сузьте фильтр (село, категория) и разделите на несколько раундов.
error-list-empty = В кампании «{ $campaign }» пока нет запланированной или выданной помощи: сначала выберите семьи и запланируйте помощь.
error-volunteer-iin-taken = Волонтёр с этим ИИН уже зарегистрирован: { $name }.
error-volunteer-needs-consent = Волонтёру { $age }: до { $min } лет участвовать можно только с письменного согласия родителей (закон «О волонтёрской деятельности»). Отметьте, что согласие получено.
error-volunteer-too-young = Волонтёру { $age }: донорство разрешено только с { $min } лет.
error-hours-invalid = Число часов «{ $value }» неверно: укажите число больше 0 и не больше 24 (например, 2,5).
error-bin-invalid = { $reason ->
    [length] БИН состоит из 12 цифр, а «{ $value }» — нет.
    [digits] БИН состоит только из цифр: «{ $value }».
    [type] «{ $value }» — не БИН юридического лица (пятая цифра должна быть 4, 5 или 6): возможно, введён ИИН.
   *[checksum] У БИН «{ $value }» не сходится контрольная цифра: сверьте цифры с документом.
}
error-bin-taken = Организация с этим БИН уже зарегистрирована: { $name }.
error-template-placeholder = { $reason ->
    [unknown] В шаблоне неизвестная подстановка: {"{"}{ $name }{"}"}. Допустимы: {"{"}recipient{"}"}, {"{"}campaign{"}"}, {"{"}deed{"}"}, {"{"}period{"}"}, {"{"}hours{"}"}.
    [missing] Для подстановки {"{"}{ $name }{"}"} нет значения: заполните его.
   *[unclosed] В шаблоне незакрытая скобка {"{"}.
}
error-glyph-missing = В шрифте нет этих знаков, они не напечатались бы: { $chars }. Исправьте текст.
error-delivery-wrong-status = Эта помощь уже { $status ->
    [delivered] вручена
   *[cancelled] отменена
}, её состояние больше нельзя изменить.
error-possible-duplicate = Возможно, эта семья уже есть в реестре: № { $registry_no }, { $name }. Просмотрите предупреждения; если это другая семья, нажмите «Всё равно сохранить».
error-family-destroyed = Персональные данные семьи № { $registry_no } уничтожены, изменить её нельзя.
error-family-merged = Семья № { $registry_no } объединена с другой. Откройте страницу объединённой семьи.
error-destroy-pending = Персональные данные семьи №{ $registry_no } удалены из реестра, но старые страницы файла ещё не стёрты: файл реестра читает другая программа (или другое окно Meirim). Закройте её — старые страницы сотрутся, когда Meirim закроется или будет запущен заново.
error-wrong-status = Это действие недоступно для семьи № { $registry_no } в её текущем статусе. Обновите страницу и попробуйте снова.
error-merge-with-itself = Нельзя объединить семью саму с собой. Выберите две разные семьи.
error-confirmation-mismatch = Для подтверждения введите учётный номер семьи точно: { $registry_no }.
error-input-unreadable = Не удалось прочитать файл: { $reason }.
error-document-failed = Не удалось создать или сохранить документ ({ $path }): { $reason }. Если файл открыт в другой программе, закройте его; проверьте права на запись в папку и свободное место на диске.
error-document-missing = Документ не найден: { $path }. Возможно, его переместили или удалили: создайте документ заново.
error-document-open-failed = Не удалось открыть документ: { $reason }. Возможно, на компьютере не установлена программа для просмотра PDF. Файл сохранён здесь: { $path }
error-validation = Некоторые поля заполнены неверно. Исправьте отмеченные поля и сохраните снова.
error-not-found = Запись не найдена. Возможно, её изменили или объединили с другой: обновите список.
error-demo-needs-empty-registry = Демо-данные записываются только в пустой реестр, а в этом уже { $count } { $count ->
    [one] семья
    [few] семьи
   *[many] семей
}. Укажите пустую папку: --data-dir.
error-db-newer-than-app = Данные сохранены более новой версией Мейірім (схема { $found }, эта версия знает только до { $supported }). Обновите Мейірім. Данные не изменены.
error-db-open-failed = Не удалось открыть файл данных: { $path }. Причина: { $reason }. Возможно, файл принадлежит другой программе или повреждён; он не изменён.
error-db-migration-failed = Обновление базы данных не удалось, все изменения отменены. Причина: { $reason }.
error-db-backup-failed = Перед обновлением не удалось создать резервную копию ({ $path }): { $reason }. Проверьте, есть ли место на диске. Данные не изменены.
error-data-dir-unusable = Папку данных нельзя использовать: { $path } ({ $reason }). Проверьте права на запись или укажите другую папку через --data-dir.
error-storage = Ошибка при сохранении данных: { $reason }. Повторите действие.
error-internal = Непредвиденная внутренняя ошибка: { $reason }. Отправьте это сообщение разработчикам.

## Командная строка (meirim-cli)

cli-family-created = Семья зарегистрирована: { $id }
cli-no-families = Семьи не найдены.
cli-shown = Показано { $shown } из { $total }.
cli-warning = Предупреждение
cli-error = Ошибка
cli-demo-done = Записано { $count } { $count ->
    [one] вымышленная семья
    [few] вымышленные семьи
   *[many] вымышленных семей
} ({ $seconds } с).
cli-accounts-created = Администратор «{ $login }» создан; зашифровано файлов: { $files }. Запишите ключ восстановления ниже на бумагу и храните в сейфе:
cli-accounts-key-changed = Ключ реестра заменён. Запишите новый ключ восстановления на бумагу, а старый уничтожьте:
cli-col-id = ID
cli-col-code = Код
cli-col-iso = Код ISO

## Реестр: члены семьи

section-members = Члены семьи
member-head = Глава семьи
member-number = Член семьи { $n }
member-age = { $age } { $age ->
    [one] год
    [few] года
   *[many] лет
}
member-make-head = Сделать главой
member-remove = Убрать
member-add = Добавить члена семьи
field-relation = Кем приходится главе
choose = Выберите
relation-spouse = супруг(а)
relation-child = ребёнок
relation-parent = отец или мать
relation-sibling = брат или сестра
relation-grandchild = внук или внучка
relation-grandparent = дедушка или бабушка
relation-daughter-in-law = невестка
relation-son-in-law = зять
relation-other-relative = другой родственник
relation-other = не родственник
field-disability = Инвалидность
disability-none = Нет
disability-group-1 = I группа
disability-group-2 = II группа
disability-group-3 = III группа
disability-child = ребёнок с инвалидностью
field-employment = Занятость
employment-works = работает
employment-unemployed = не работает
flag-pensioner = пенсионер
flag-student = студент (очно)
value-yes = да

## Реестр: форма семьи

form-edit-title-no = Изменение данных семьи № { $no }
field-family-phone = Телефон семьи
field-street-only = Улица
field-house = Дом
field-flat = Квартира
section-living = Условия жизни
field-income = Доход на человека, ₸ / мес.
field-income-hint = Целым числом тенге, например: 45 000
field-registered-on = Дата постановки на учёт
field-registered-on-hint = Если не указана — сегодняшняя дата.
field-housing-notes = Жилищные условия
large-family-check-hint = В семье четверо или больше детей: проверьте категорию «многодетная семья».
section-consent = Согласие на обработку персональных данных
consent-explained = По Закону «О персональных данных и их защите» для обработки данных семьи нужно предварительное согласие.
consent-given = Согласие получено
consent-pending = Согласие ожидается
consent-withdrawn = Согласие отозвано
consent-pending-short = нет согласия
consent-pending-note = Семья будет сохранена со статусом «согласие ожидается», и в списке это будет видно. Получите согласие как можно скорее.
field-consent-status = Согласие
field-consent-date = Дата согласия
field-consent-form = Форма
consent-form-paper = на бумаге (с подписью)
consent-form-other = в иной доказуемой форме
field-consent-until = Срок (до какой даты)
field-consent-until-hint = Если не указан — до достижения цели обработки.
consent-until-purpose = до достижения цели обработки
field-consent-by = Кто принял согласие
field-consent-by-hint = Если не указано — имя оператора.
form-save-anyway = Всё равно сохранить
duplicates-hint-title = Возможно, эта семья уже есть в реестре:
duplicates-hint-save = Если вы уверены, что это другая семья, нажмите «Всё равно сохранить».
duplicate-reason-name-and-birth-date = совпадают ФИО и дата рождения
duplicate-reason-phone = совпадает телефон
duplicate-reason-address = совпадает адрес

## Реестр: страница семьи

section-family = Семья
detail-size = Членов семьи
detail-children = Детей до 18 лет
money = { $amount } ₸
address-house = д. { $n }
address-flat = кв. { $n }
col-name = ФИО
col-notes = Отметки
section-aid-history = Оказанная помощь
aid-history-empty = Помощь пока не записана.
section-history = История изменений
status-active = активна
status-archived = в архиве
status-restored = восстановлена
suggest-large-family = В семье несовершеннолетних детей: { $count }. Семья может подходить под категорию «многодетная семья», но категория не отмечена. Проверьте и добавьте её через «Изменить».
action-archive = В архив
action-restore = Вернуть из архива
action-destroy = Уничтожить персональные данные
detail-archived = Семья отправлена в архив.
detail-restored = Семья возвращена из архива.
detail-destroyed = Персональные данные семьи уничтожены.
detail-archived-because = В архиве: { $reason } ({ $date }).
detail-merged-into = Эта семья объединена с другой.
detail-open-merged = Открыть объединённую семью
detail-destroyed-title = Семья с уничтоженными данными
detail-destroyed-note = Согласие отозвано, персональные данные уничтожены { $date }. Сохранены только сводные показатели.
archive-title = Отправить семью № { $no } в архив
field-archive-reason = Причина
field-archive-date = Дата
field-archive-date-hint = Если не указана — сегодня.
destroy-title = Уничтожить персональные данные семьи № { $no }
destroy-explained = При отзыве согласия ФИО, ИИН, даты рождения, телефоны, адрес и примечания членов семьи будут стёрты безвозвратно — и из поискового индекса, и из истории изменений. Останутся только сводные показатели. Отменить это действие нельзя. Данные семей, объединённых с этой, и сохранённые карточки семьи тоже будут стёрты, а при восстановлении старой резервной копии эти данные будут стёрты и в ней.
destroy-type-number = Для подтверждения введите учётный номер семьи: { $no }

## Реестр: список, фильтры, дубликаты

families-filter = Фильтры
filter-category = Категория
filter-village = Село
filter-status = Статус
filter-any = Все
filter-status-current = Текущие
filter-status-archived = В архиве
filter-status-all = Все
filter-consent-pending = Только без согласия
col-registry-no = №
col-members = Состав
col-village = Село
col-registered = На учёте с
members-count = { $size } чел., детей: { $children }
duplicates-open = Дубликаты
duplicates-title = Возможные дубликаты
duplicates-explained = Пары семей по всему реестру, у которых совпадают ФИО и дата рождения, телефон или адрес. При объединении члены и данные второй семьи переходят к первой; несовпадающие значения записываются в примечания.
duplicates-none = Возможных дубликатов не найдено.
duplicates-count = { $count } { $count ->
    [one] пара
    [few] пары
   *[many] пар
}
duplicates-merge = Объединить
duplicates-dismiss = Это разные семьи
duplicates-merged = Семья № { $absorbed } объединена с семьёй № { $kept }.
dup-col-first = Первая семья (остаётся)
dup-col-second = Вторая семья
dup-col-why = Почему
merge-title = Объединение семей
merge-explained = Семья № { $absorbed } ({ $absorbedName }) будет объединена с семьёй № { $kept } ({ $keptName }): члены, категории и данные перейдут к ней, а человек, записанный дважды, станет одной записью. Несовпадающие значения сохранятся в примечаниях.

## Оператор и история изменений

operator-label = Оператор
operator-placeholder = Ваши ФИО
operator-hint = Укажите ваши ФИО: они записываются в историю изменений.
operator-unset = не указан
audit-create = Зарегистрирована
audit-update = Изменена
audit-archive = Отправлена в архив
audit-restore = Возвращена из архива
audit-merge = Присоединена другая семья
audit-merged-into = Объединена с другой семьёй
audit-destroy = Персональные данные уничтожены
audit-aid-planned = Запланирована помощь
audit-aid-delivered = Вручена помощь
audit-aid-cancelled = Отменена помощь
audit-aid-changed = Исправлена запись о помощи
audit-export = Экспортирован список с персональными данными
audit-volunteer-added = Зарегистрирован волонтёр
audit-volunteer-changed = Изменены данные волонтёра
audit-backup-sealed = Создана зашифрованная копия
audit-family-card-printed = Напечатана карточка семьи
audit-distribution-list-printed = Напечатана ведомость выдачи помощи
audit-signed-in = Вход в программу
audit-account-added = Добавлена учётная запись
audit-account-changed = Изменена учётная запись
audit-password-reset = Пароль сброшен администратором
audit-registry-encrypted = Реестр и его копии зашифрованы
audit-recovery-key-shown = Показан ключ восстановления
audit-registry-key-changed = Ключ реестра заменён
audit-transferred-out = Передана в другой офис
audit-transferred-in = Принята из другого офиса
audit-field-phone = Телефон
audit-field-address-oblast = Область
audit-field-address-district = Район
audit-field-address-rural-okrug = Сельский округ
audit-field-address-village = Село
audit-field-address-street = Улица
audit-field-address-house = Дом
audit-field-address-flat = Квартира
audit-field-housing-notes = Жилищные условия
audit-field-income-per-person = Доход на человека
audit-field-registered-on = Дата постановки на учёт
audit-field-notes = Примечания
audit-field-categories = Категории
audit-field-status = Статус
audit-field-status-reason = Причина архивации
audit-field-status-on = Дата смены статуса
audit-field-consent-status = Согласие
audit-field-consent-date = Дата согласия
audit-field-consent-form = Форма согласия
audit-field-consent-until = Срок согласия
audit-field-consent-recorded-by = Кто принял согласие
audit-field-name = ФИО
audit-field-is-head = Глава семьи
audit-field-relation = Родство
audit-field-iin = ИИН
audit-field-birth-date = Дата рождения
audit-field-sex = Пол
audit-field-disability = Инвалидность
audit-field-pensioner = Пенсионер
audit-field-student = Студент
audit-field-employment = Занятость
field-members = Члены семьи

## Документы

card-title = Карточка семьи № { $no }
card-footer = Мейірім · карточка семьи № { $no } · { $date }
card-printed = Дата печати: { $date }
card-signature = Подпись специалиста: ____________________
action-print-card = Карточка семьи (PDF)
card-saved = Карточка семьи сохранена: { $path }
action-open-document = Открыть (для печати)
action-show-document = Показать в папке

## Справочники

nav-reference = Справочники
reference-title = Справочники
reference-places = Адреса
reference-places-hint = Районы, сельские округа и сёла пополняются сами, когда сохраняются семьи. Исправьте ошибку в названии здесь один раз: адрес изменится у всех семей, где оно встречается.
reference-places-empty = Пока нет ни одного адреса: они появятся, когда вы зарегистрируете семьи.
reference-filter = Поиск по названию
reference-nothing-found = Ничего не найдено.
col-level = Уровень
col-place = Название
col-within = Где
col-families = Семей
col-status = Состояние
field-kato = Код КАТО
field-kato-hint = 9 цифр, необязательно
action-edit = Исправить
action-remove = Удалить
place-edit-title = Исправить название «{ $name }»
place-edit-hint = Адрес изменится у семей: { $count }. Если ввести название, которое на этом уровне уже есть, два места объединятся.
place-saved = Название исправлено, адреса семей обновлены.
place-removed = Место удалено из справочника.
reference-categories = Категории
reference-categories-hint = Форма семьи предлагает эти категории. Используемую категорию нельзя удалить, только скрыть: семьи, у которых она есть, её сохранят.
field-name-kk = Название на казахском
field-name-ru = Название на русском
action-add-category = Добавить категорию
category-new-title = Новая категория
category-edit-title = Исправить категорию
category-hidden = скрыта
category-active = в форме
action-hide = Скрыть
action-show = Вернуть в форму
action-move-up = Переместить выше
action-move-down = Переместить ниже
category-saved = Категория сохранена.

## Помощь

unit-tenge = ₸
unit-kg = кг
unit-t = т
unit-m3 = м³
unit-pcs = шт.
unit-set = компл.
unit-hours = ч
unit-name-tenge = тенге (деньги)
unit-name-kg = килограмм
unit-name-t = тонна
unit-name-m3 = кубический метр
unit-name-pcs = штука
unit-name-set = комплект
unit-name-hours = час (услуга)
rule-none = без ограничений
rule-days = не чаще раза в { $days } дн.
rule-heating-season = раз за отопительный сезон
rule-year = раз в год
delivery-status-planned = запланирована
delivery-status-delivered = вручена
delivery-status-cancelled = отменена
action-give-aid = Выдать помощь
aid-form-title = Помощь семье № { $no }
field-aid-type = Вид помощи
field-quantity = Количество
field-value = Стоимость, ₸
field-value-hint = Если оставить пустым, рассчитается по цене справочника: { $value }
field-value-hint-none = Цены этого вида помощи нет в справочнике: укажите стоимость (0, если услуга бесплатная).
field-aid-date = Дата
field-aid-member = Кому
aid-whole-family = всей семье
field-funding-source = Источник
field-campaign = Кампания
choice-none = — не выбрано —
aid-mode-delivered = Вручена
aid-mode-planned = Запланирована
field-receipt-signed = Получатель расписался
field-rule-override = Причина выдачи сверх правила
aid-rule-warning = { $status ->
    [planned] Этой семье эта помощь уже запланирована на { $date }.
   *[other] Эта семья уже получила эту помощь { $date }.
} Правило: { $rule }.
aid-saved = Помощь записана.
col-aid = Помощь
col-quantity = Кол-во
col-value = Стоимость
col-date = Дата
col-source = Источник
col-unit = Единица
col-unit-value = Цена единицы
col-rule = Частота
action-deliver = Вручена
action-cancel-aid = Отменить
aid-deliver-title = Отметить вручение помощи
aid-cancel-title = Отмена помощи
field-cancel-reason = Причина
aid-delivered-done = Вручение помощи отмечено.
aid-cancelled-done = Помощь отменена.
aid-total = Общая стоимость врученной помощи: { $value }
aid-receipt = есть расписка
aid-override = Сверх правила: { $reason }
aid-cancel-reason = Причина: { $reason }
reference-aid-types = Виды помощи
reference-aid-types-hint = Цена единицы нужна, чтобы оценивать помощь в натуральной форме в тенге, а частота предупреждает, когда одной семье помощь выдаётся слишком часто. Скрытый вид остаётся в уже записанной помощи.
action-add-aid-type = Добавить вид помощи
aid-type-new-title = Новый вид помощи
aid-type-edit-title = Изменить вид помощи
aid-type-saved = Вид помощи сохранён.
field-unit-value = Цена единицы, ₸
field-unit-value-hint = Если оставить пустым, стоимость каждой выдачи вводится вручную.
field-rule-days = Раз в сколько дней
rule-kind-none = без ограничений
rule-kind-days = раз в указанное число дней
rule-kind-heating-season = раз за отопительный сезон
rule-kind-year = раз в год

## Ведомость

list-title = ВЕДОМОСТЬ ВЫДАЧИ ПОМОЩИ
list-footer = Мейірім · { $campaign } · { $date }
list-file-name = Ведомость
list-col-recipient = Получатель
list-col-signature = Подпись
list-total = Итого: { $count } { $count ->
    [one] получатель
    [few] получателя
   *[many] получателей
}, { $value }
list-issued-by = Помощь выдал:
col-served-on = Последняя выдача
bulk-planned = Запланировано: { $count } сем. Пропущено по правилу частоты: { $skipped }.
bulk-delivered = Отмечено вручённым: { $count }.
list-saved = Ведомость сохранена: { $path }
field-starts-on = Начало
field-ends-on = Окончание
summary-line = Семей получили помощь: { $families } · вручено: { $delivered } · запланировано: { $planned } · общая стоимость: { $value } · волонтёров: { $volunteers } · часов: { $hours }

## Кампании

nav-campaigns = Кампании
campaigns-title = Кампании и акции
campaigns-empty = Пока нет ни одной кампании. Нажмите «Новая кампания».
campaigns-back = ← Кампании
campaign-new = Новая кампания
field-campaign-name = Название (на казахском)
field-campaign-name-ru = Название на русском
field-campaign-name-ru-hint = Печатается в русских письмах, ведомостях и отчётах. Если пусто — казахское название.
field-campaign-kind = Вид
field-description = Описание
campaign-kind-aid = раздача помощи
campaign-kind-school = «Дорога в школу»
campaign-kind-holiday = праздничная акция
campaign-kind-volunteer = волонтёрская акция
campaign-kind-blood = донорская акция
campaign-kind-cleanup = субботник, благоустройство
campaign-kind-other = другое
fig-families = семей получили помощь
fig-delivered = вручено
fig-planned = запланировано
fig-value = общая стоимость
fig-planned-value = запланировано: { $value }
fig-volunteers = волонтёров
fig-hours = часов
campaign-round = Раздача помощи
campaign-round-empty = В этой кампании пока не запланирована помощь. Нажмите «Выбрать семьи».
action-distribute = Выбрать семьи
action-print-list = Печать ведомости
action-deliver-all = Отметить все вручёнными ({ $count })
action-deliver-ticked = Отметить отмеченные вручёнными ({ $count })
action-save-pdf = Сохранить PDF
field-signatory = Подписывающий (должность, ФИО)
field-signatory-hint = Печатается в конце ведомости рядом с линией подписи.
list-language-hint = Ведомость печатается на русском языке. Для ведомости на казахском переключите язык вверху на «Қазақша»: это будет отдельный файл, а строка подписанта на казахском хранится отдельно.
field-full-iin = Печатать ИИН полностью
field-full-iin-hint = Обычно видны только последние 4 цифры ИИН. Полный ИИН печатайте, только если он нужен проверяющему ведомость органу.
distribute-title = «{ $campaign }»: выбор семей
bulk-only-not-served = Только не получавшие по правилу частоты
bulk-find = Найти семьи
bulk-none = Нет семей по этому фильтру.
bulk-chosen = Выбрано: { $count } из { $total }
bulk-served-on = получала: { $date }
bulk-override-hint = Среди выбранных семей, недавно получавших эту помощь по правилу: { $count }. Чтобы выдать и им, укажите причину, иначе они будут пропущены.
bulk-plan = Запланировать помощь ({ $count })

## Волонтёры

nav-volunteers = Волонтёры
volunteers-title = Волонтёры
volunteers-search = Поиск по ФИО
volunteers-empty = Пока не зарегистрировано ни одного волонтёра. Нажмите «Новый волонтёр».
volunteers-back = ← Волонтёры
volunteer-new = Новый волонтёр
volunteer-edit = Изменить данные волонтёра
volunteer-saved = Данные волонтёра сохранены.
field-joined-on = Дата вступления
field-civil-servant = Государственный служащий
field-agency = Организация
field-position = Должность
field-parental-consent = Есть письменное согласие родителей (для младше 14 лет)
col-age = Возраст
col-activities = Мероприятия
volunteer-activities = Что сделано
volunteer-no-activities = Пока ничего не записано.
action-log-activity = Записать часы
activity-saved = Записано.
field-activity-kind = Вид
field-hours = Часов
activity-delivery = доставка помощи
activity-cleaning = уборка дома
activity-event = мероприятие
activity-blood-donation = сдача крови
activity-tree-planting = посадка деревьев
activity-other = другое

## Организации и источники

reference-organisations = Организации
reference-funding = Источники финансирования
organisations-empty = Пока нет ни одной организации.
action-add-organisation = Добавить организацию
organisation-new = Новая организация
organisation-edit = Изменить организацию
organisation-saved = Организация сохранена.
field-org-name = Название
field-org-name-ru-hint = Если оставить пустым, используется название на казахском.
field-org-kind = Вид
field-bin = БИН
field-contact = Контактное лицо
field-organisation = Организация
org-kind-volunteer = волонтёрская организация
org-kind-ngo = общественное объединение (НПО)
org-kind-sponsor = спонсор
org-kind-state = государственный орган
org-kind-business = предприятие
org-kind-other = другое
action-add-source = Добавить источник
source-new = Новый источник
source-edit = Изменить источник
source-saved = Источник сохранён.
source-kind-budget = бюджет
source-kind-sponsor = спонсор
source-kind-ngo = НПО
source-kind-grant = грант
source-kind-other = другое
col-budget = Бюджет, ₸
col-spent = Потрачено
col-left = Осталось
field-budget-hint = Общая сумма гранта или спонсорских средств; если пусто — без ограничения.
field-delivered-by = Кто доставил (волонтёры)
aid-delivered-by = Доставили: { $names }
campaign-edit = Изменить кампанию
campaign-saved = Кампания сохранена.
field-organiser = Организатор
round-more = Показаны первые { $shown } строк из { $count }. Ведомость и «Отметить все вручёнными» охватывают все строки.

## Letters, diplomas, certificates and their register.
nav-letters = Благодарности
letters-title = Благодарственные письма, грамоты, сертификаты
letters-tab-batch = Новый пакет
letters-tab-register = Реестр
letters-tab-verify = Проверка
letters-tab-templates = Шаблоны и бланк
document-kind-gratitude = Благодарственное письмо
document-kind-diploma = Почётная грамота
document-kind-certificate = Сертификат
letters-template = Шаблон
letters-template-name = { $ru }
letters-layout = Язык
letters-layout-kk = казахский
letters-layout-ru = русский
letters-layout-bilingual = на двух языках (казахский сверху)
letters-date = Дата документа
letters-date-today = сегодня
letters-period = Период
letters-period-hint = Если пусто, пишутся даты начала и конца кампании.
letters-deed-kk = Доброе дело (по-казахски)
letters-deed-kk-hint = По-казахски, в той форме, в какой фраза встанет в текст письма.
letters-deed-ru = Доброе дело (по-русски)
letters-deed-ru-hint = Например: помощь в доставке угля зимой
letters-recipients = Кому
letters-source-volunteers = Волонтёры
letters-source-typed = Список ФИО
letters-any-organisation = любая
letters-min-hours = Не меньше, часов
letters-source-volunteers-hint = Если выбрана кампания, берутся только волонтёры с учтённым в ней временем, и часы — в этой кампании.
letters-typed-names = По одному человеку в строке: фамилия, имя, отчество
letters-typed-placeholder = Сериков Даурен Болатулы
letters-find = Найти
letters-none-found = Под выбранные условия никто не подходит. Измените фильтр или введите ФИО.
letters-review-hint = Проверьте ФИО в дательном падеже: если есть ошибка, исправьте — исправление сохранится и будет предложено в следующий раз. Строки со знаком ⚠ проверьте обязательно.
letters-nominative-hint = В этом шаблоне человек назван в именительном падеже, ФИО не склоняется.
letters-include-all = Выбрать всех
letters-col-recipient = Кому
letters-col-hours = Часы
letters-dative-kk = Кому (по-казахски)
letters-dative-ru = Кому (по-русски)
letters-corrected = исправлено ранее
letters-preview = Предпросмотр
letters-preview-title = Страница к печати: { $name }
letters-preview-hint = Страница нарисована так же, как в печатаемом PDF. Номер и QR-код присваиваются при выпуске.
letters-close = Закрыть
letters-doubts = ФИО, требующих проверки: { $count }.
letters-progress = { $done } / { $total } стр. ({ $percent }%)
letters-issue = Выпустить: { $count } док.
letters-issued = Выпущено документов: { $count }, внесены в реестр: № { $first } – № { $last }.
letters-open-register = Открыть реестр
letters-saved = Подготовлено документов: { $count }. Файл: { $path }
letters-numbers = Номера: № { $first } – № { $last }
letters-cancelled = Документ № { $number } отмечен как аннулированный.
letters-reprinted = Готово к повторной печати: { $path }
letters-register-search = ФИО или номер
letters-register-year = Год
letters-register-empty = В реестре нет документов.
letters-col-number = Номер
letters-col-date = Дата
letters-col-kind = Вид
letters-col-reason = За что
letters-col-status = Состояние
letters-col-template = Шаблон
letters-col-issued = Выпущено
letters-cancelled-because = Аннулирован: { $reason }
letters-status-valid = Действителен
letters-reprint = Печать повторно
letters-cancel-document = Аннулировать
letters-cancel-title = Аннулировать документ № { $number }
letters-cancel-explain = Документ на имя { $name } останется в реестре, но при проверке будет показан как аннулированный.
letters-cancel-reason = Причина
letters-signatory = Подписывает
verify-explain = Считайте QR-код документа телефоном и вставьте его текст сюда или введите номер с документа. Проверка идёт по этому реестру, без интернета.
verify-code = Текст QR-кода или номер документа
verify-check = Проверить
verify-status-valid = Документ есть в реестре и действителен.
verify-status-cancelled = Документ есть в реестре, но аннулирован.
verify-status-altered = Такой номер есть, но QR-код относится к другому документу: бумага могла быть изменена или подделана.
verify-status-not-found = Такого номера в реестре нет.
verify-number-only = Проверен только номер: сверьте ФИО и дату с данными ниже.
letterhead-title = Бланк
letterhead-header-kk = Название учреждения (по-казахски)
letterhead-header-ru = Название учреждения (по-русски)
letterhead-place-kk = Населённый пункт (по-казахски)
letterhead-place-ru = Населённый пункт (по-русски)
letterhead-number-format = Формат номера
letterhead-number-format-hint = {"{"}seq{"}"} — порядковый номер в году, {"{"}seq:3{"}"} — трёхзначный (007), {"{"}year{"}"} — год.
letterhead-logo = Герб или логотип
letterhead-logo-set = задан
letterhead-logo-none = нет
letterhead-logo-choose = Выбрать изображение (PNG, JPEG)
letterhead-logo-remove = Убрать
letterhead-saved = Бланк сохранён.
templates-title = Шаблоны
template-new = Новый шаблон
template-edit = Изменить шаблон
template-archived = в архиве
template-archive = В архив
template-restore = Вернуть
template-issued-note = По этому шаблону выпущено документов: { $count }. Они хранятся в реестре в напечатанном виде; изменения коснутся только новых.
template-addressee = ФИО человека
template-addressee-dative = в дательном падеже (кому: благодарность)
template-addressee-nominative = в именительном падеже (кто: грамота, сертификат)
template-name-kk = Название шаблона (по-казахски)
template-name-ru = Название шаблона (по-русски)
template-title-kk = Заголовок (по-казахски)
template-title-ru = Заголовок (по-русски)
template-body-kk = Текст (по-казахски)
template-body-ru = Текст (по-русски)
template-placeholders = В текст можно вставить:
placeholder-recipient = ФИО человека
placeholder-campaign = название кампании
placeholder-deed = доброе дело
placeholder-period = период
placeholder-hours = число часов
template-position-kk = Должность подписывающего (по-казахски)
template-position-ru = Должность подписывающего (по-русски)
template-seal = Место печати (М.О. / М.П.)
doubt-soft-sign = оканчивается на ь или ъ
doubt-hyphen = через дефис
doubt-foreign = незнакомые буквы
doubt-no-vowel = сингармонизм неясен
doubt-unknown-sex = пол неизвестен
letters-choose-sex = Выберите пол
letters-missing-office-name = { $lang ->
    [kk] В бланке нет названия учреждения на казахском: вверху казахской страницы ничего не будет напечатано.
   *[ru] В бланке нет названия учреждения на русском: вверху русской страницы ничего не будет напечатано.
}
letters-missing-position = { $lang ->
    [kk] В шаблоне нет должности подписывающего на казахском.
   *[ru] В шаблоне нет должности подписывающего на русском.
}
letters-missing-signatory = В шаблоне нет имени подписывающего: строка подписи останется пустой.
letters-missing-hint = Выпустить можно, но лучше сначала заполнить их на вкладке «Шаблоны и бланк».
letters-missing-open = Заполнить бланк и шаблон
doubt-empty = пусто
error-number-format-invalid = { $reason ->
    [no-seq] В формате номера должен быть ровно один {"{"}seq{"}"}.
    [no-year] В формате номера должен быть {"{"}year{"}"}: нумерация каждый год начинается с 1.
    [unknown] В формате номера допустимы только {"{"}seq{"}"}, {"{"}seq:3{"}"} и {"{"}year{"}"}.
    [unclosed] В формате номера незакрытая скобка.
    [taken] Номер № { $number } уже выдан в этом году. Верните прежний формат номера.
   *[too-long] Формат номера слишком длинный.
}
error-image-invalid = { $reason ->
    [too-large] Изображение слишком большое: не более { $max } КБ.
   *[unreadable] Изображение не читается: выберите файл PNG или JPEG.
}
error-recipient-incomplete = Строка { $line }: «{ $text }» — не хватает фамилии или имени, либо пуста строка «Кому». Заполните.
error-too-many-recipients = В одном пакете не больше { $max } человек. Разделите список.
error-batch-cancelled = Пакет остановлен: ничего не выпущено, номера не израсходованы.
error-document-cancelled = Документ № { $number } уже аннулирован.
error-option-missing = Укажите параметр { $option }.
error-no-recipients = Никто не выбран: сначала найдите получателей.
letters-signatory-placeholder = А.Б. Сериков

## Period report.
report-title = Отчёт за период
report-compared-with = Период для сравнения
report-col-line = Показатель
report-col-value = Значение
report-col-families = Семей
report-col-deliveries = Выдач
report-col-quantity = Количество
report-col-issued = Выдано
report-col-volunteers = Волонтёров
report-col-hours = Часов
report-section-summary = Общие показатели
report-section-families-by-category = Семьи, получившие помощь, по категориям
report-section-families-by-village = Семьи, получившие помощь, по населённым пунктам
report-section-aid-by-type = По видам помощи
report-section-campaigns = Проведённые кампании и акции
report-section-volunteers = Волонтёры
report-section-volunteers-by-organisation = Волонтёры по организациям
report-section-letters = Выданные благодарности и грамоты
report-section-registry = Реестр
report-families-helped = Семьи, получившие помощь
report-deliveries = Выдачи помощи
report-value = Общая стоимость помощи
report-value-cash = в том числе денежной
report-value-in-kind = в том числе натуральной
report-no-village = Населённый пункт не указан
report-volunteers = Участвовавшие волонтёры
report-civil-servants = в том числе госслужащие
report-age-under-14 = до 14 лет
report-age-14-35 = молодёжь 14–35 лет
report-age-over-35 = старше 35 лет
report-age-unknown = возраст не указан
report-hours = Волонтёрские часы
report-blood-donations = Сдача крови
report-no-organisation = Без организации
report-families-registered = Поставлено на учёт семей
report-families-archived = Снято с учёта (в архив) семей
report-saved = Отчёт сохранён: { $path }
error-export-failed = Не удалось записать «{ $path }»: { $reason ->
    [full] на флешке нет места. Удалите лишние файлы или вставьте другую флешку
    [read-only] флешка защищена от записи. Снимите защиту переключателем или возьмите другую
    [gone] флешка или папка не найдена. Вставьте флешку снова и обновите список
    [mismatch] записанное не совпало при проверке, флешка может быть неисправна. Запишите на другую
   *[other] { $detail }
}. База данных не изменилась.
report-previous-short = ранее
nav-report = Отчёт
report-period = Период
report-preset-month = месяц
report-preset-quarter = квартал
report-preset-half-year = полугодие
report-preset-year = год
report-preset-range = между двумя датами
report-containing = Дата внутри периода
report-village = Населённый пункт
report-all = все
report-show = Сформировать отчёт
report-busy = Отчёт готовится…
report-aggregates-only = только итоговые числа: без ФИО и ИИН
report-save-pdf = Сохранить PDF
report-save-xlsx = Сохранить Excel (XLSX)
report-save-csv = Сохранить CSV
usb-title = Сохранить на флешку или в другое место
usb-none = Флешка не найдена. Вставьте флешку и нажмите «Обновить список».
usb-drive = Флешка
usb-format = Формат
usb-write = Сохранить
usb-refresh = Обновить список
usb-done = Записано и проверено: { $path }. Флешку можно извлечь.
cli-drives-none = Флешка не найдена. Вставьте флешку и попробуйте снова.
cli-audit-col-at = Время
cli-audit-col-operator = Оператор
cli-audit-col-action = Действие
cli-audit-col-summary = Подробности
cli-drives-col-path = Путь
cli-drives-col-name = Название
cli-drives-col-free = Свободно
cli-drives-col-size = Объём
cli-drives-gb = { $value } ГБ

## Lists with personal data.
list-sheet-families = Семьи
list-sheet-deliveries = Помощь
list-sheet-volunteers = Волонтёры
list-col-family-no = № семьи
list-col-family-id = ID семьи
list-col-head = Глава
list-col-surname = Фамилия
list-col-name = Имя
list-col-patronymic = Отчество
list-col-birth-date = Дата рождения
list-col-sex = Пол
list-col-relation = Родство
list-col-iin = ИИН
list-col-phone = Телефон
list-col-rural-okrug = Сельский округ
list-col-village = Населённый пункт
list-col-street = Улица
list-col-house = Дом
list-col-flat = Квартира
list-col-categories = Категории
list-col-status = Состояние
list-col-registered-on = Дата постановки на учёт
list-col-date = Дата
list-col-aid-type = Вид помощи
list-col-quantity = Количество
list-col-unit = Единица
list-col-value = Стоимость
list-col-campaign = Кампания
list-col-source = Источник средств
list-col-organisation = Организация
list-col-agency = Госорган
list-col-hours = Часы
error-personal-data-not-confirmed = В этом списке персональные данные людей. Подтвердите, что выгружаете его намеренно.
error-export-cancelled = Экспорт остановлен: файл не записан.
export-saved = Записано строк: { $rows }. Файл: { $path }

## Dashboard (home screen)
nav-home = Главная
nav-families = Семьи
dashboard-title = Главная
first-steps-title = С чего начать
first-steps-intro = Чтобы начать работу с Meirim, выполните эти шаги.
first-steps-operator = Укажите, кто работает: это имя записывается в историю каждого изменения.
first-steps-operator-do = Указать имя
first-steps-letterhead = Заполните бланк учреждения: его название печатается в начале отчётов, ведомостей и благодарственных писем.
first-steps-letterhead-do = Заполнить бланк
first-steps-families = Добавьте семьи: по одной или импортом списка из Excel.
first-steps-done = Выполнено
dashboard-as-of = Положение на { $date }
dashboard-this-month = Этот месяц
dashboard-this-year = Этот год
dashboard-families-current = Семей в списке
dashboard-families-helped = Семей получили помощь
dashboard-value = Стоимость оказанной помощи
dashboard-volunteers = Волонтёров участвовало
dashboard-letters = Выдано благодарственных писем
dashboard-registered = Новых семей зарегистрировано
dashboard-chart-aid = Помощь по месяцам (₸) по видам
dashboard-chart-categories = Семьи по категориям
dashboard-chart-villages = Населённые пункты, где помогли больше всего семьям
dashboard-no-aid = В этом году помощь ещё не оказывалась.
dashboard-open-hint = Нажмите на число или столбец, чтобы открыть список за ним.
dashboard-refresh = Обновить
nav-label = Разделы
dashboard-as-table = В виде таблицы
month-short-1 = Янв
month-short-2 = Фев
month-short-3 = Мар
month-short-4 = Апр
month-short-5 = Май
month-short-6 = Июн
month-short-7 = Июл
month-short-8 = Авг
month-short-9 = Сен
month-short-10 = Окт
month-short-11 = Ноя
month-short-12 = Дек
filter-helped = Получили помощь: { $from } – { $to }
filter-registered = Зарегистрированы: { $from } – { $to }
filter-remove = Убрать фильтр
report-tab-report = Отчёт за период
report-tab-lists = Списки с персональными данными
destination-label = Куда сохранить
destination-drive = Флешка { $name } ({ $path })
destination-documents = Папка «Документы» программы
destination-other = Другое место… (откроется окно сохранения)
list-export-warning = В этих списках ФИО, адреса и телефоны людей. Выгружайте их только для работы; каждая выгрузка записывается в журнал аудита. Для отчёта в район достаточно вкладки «Отчёт за период» — там только сводные цифры.
list-export-kind = Список
list-export-kind-families = Семьи и их члены (каждый человек — строка)
list-export-kind-deliveries = Оказанная помощь
list-export-kind-volunteers = Волонтёры
list-export-with-iin = Включить ИИН
list-export-confirm = Я понимаю, что в списке персональные данные, и выгружаю его намеренно
list-export-start = Выгрузить
list-export-phase-reading = Прочитано из реестра: { $done } строк
list-export-phase-writing = Записано в файл: { $done } из { $total } строк
list-export-phase-saving = Файл сохраняется и проверяется…
list-export-done = Записано и проверено строк: { $rows }, файл { $path }. Выгрузка записана в журнал аудита.
list-export-done-usb = Записано и проверено строк: { $rows }, файл { $path }. Выгрузка записана в журнал аудита. Флешку можно извлечь.

## Import of the office's Excel / CSV lists
audit-import = Импортирован список
audit-import-undone = Импорт отменён
error-import-iin-mangled = ИИН сохранён как «{ $value }»: Excel превратил его в число и потерял цифры. В исходном файле задайте столбцу формат «Текстовый» и введите ИИН заново.
error-import-iin-zeros-lost = В ИИН «{ $value }» девять цифр: вероятно, Excel отбросил три нуля в начале («{ $restored }»). Вернуть их можно, только если это подтверждает столбец даты рождения: укажите дату рождения или введите ИИН целиком как текст.
error-import-date-unreadable = «{ $value }» не читается как дата. Запишите дату в виде 06.12.2023 (год четырьмя цифрами).
error-import-category-unknown = Категории «{ $value }» нет в списке офиса. Исправьте название или добавьте категорию в разделе «Справочники».
error-import-sex-unknown = «{ $value }» не распознано как пол: пишите «муж» или «жен». Пол оставлен пустым.
error-import-relation-unknown = Родство «{ $value }» не распознано: записано «другое». Исправьте потом в карточке семьи.
error-import-relation-missing = Родство не указано: записано «другое». Исправьте потом в карточке семьи.
error-import-head-guessed = Глава семьи не отмечен: главой взят человек из первой строки.
error-import-head-twice = Два главы в одной семье: глава указан в строке { $head_row }. Укажите родство одному из них.
error-import-name-incomplete = «{ $value }» — одно слово. Запишите фамилию и имя через пробел.
error-import-row-without-name = В строке нет ни ФИО, ни ИИН (например, строка «Итого»): она пропущена.
error-import-letters-lost = В имени «{ $value }» есть «?»: казахские буквы потерялись, когда файл сохранили в кодировке Windows-1251. Сохраните файл заново как «CSV UTF-8» или XLSX.
error-import-iin-birth-mismatch = Дата рождения не совпадает с датой в ИИН. Сверьте с документом.
error-import-iin-twice = Этот ИИН есть в файле и в строке { $first }. Удалите повторную строку.
error-import-person-twice = Человек с такими ФИО и датой рождения есть в файле и в строке { $first }. Удалите повторную строку.
error-import-iin-other-families = ИИН этой семьи принадлежат двум разным семьям реестра: № { $first } и № { $second }. Проверьте состав семьи в файле или сначала объедините те две семьи.
error-import-same-family-twice = Другая строка файла тоже совпадает с этой семьёй реестра. Проверьте номер (ключ) семьи.
error-import-field-twice = Поле «{ $field }» назначено двум столбцам: { $first } и { $second }. Для одного выберите «не загружать».
error-import-name-not-mapped = Не выбран столбец с ФИО. Укажите столбец «ФИО» или столбцы «Фамилия» и «Имя».
error-import-file-empty = Файл пуст: в нём нет строк.
error-import-not-spreadsheet = Этот файл не таблица. Выберите файл XLSX, XLS, ODS или CSV.
error-import-file-damaged = Файл повреждён и не читается ({ $reason }). Откройте его в Excel и сохраните заново.
error-import-file-too-large = Файл слишком велик для списка или повреждён ({ $reason }). Откройте его в Excel, скопируйте только список семей в новую книгу, сохраните её и выберите.
error-import-file-too-slow = Чтение файла заняло больше { $seconds } с и было остановлено. Возможно, файл повреждён: откройте его в Excel и сохраните заново.
error-path-not-offered = Этого файла или места нет среди предложенных Meirim (возможно, флешку извлекли). Обновите список и выберите файл или место заново.
error-import-no-header = Строка заголовков не найдена. Укажите её номер сами.
error-import-file-unreadable = Файл не открылся: { $path } ({ $reason }).
error-import-no-file = Сначала выберите файл.
error-import-cancelled = Импорт остановлен: в реестр ничего не записано.
error-import-undo-edited = Отменить импорт нельзя: { $count } его семей изменены после него. Чтобы не потерять эти изменения, исправьте их вручную.
error-import-already-undone = Этот импорт уже отменён { $at }.
import-issue-at = Строка { $row }, столбец { $column } («{ $header }»): { $message }
import-issue-row = Строка { $row }: { $message }
import-rejected-sheet = Непринятые строки
import-rejected-reason = Причина
import-rejected-with-family = Ошибка в другой строке этой семьи.
import-template-sheet = Семьи
import-example-female = жен
import-example-male = муж
import-example-spouse = супруг
import-example-category = многодетная семья
import-field-family-key = Номер (ключ) семьи
import-field-full-name = ФИО (в одном столбце)
import-field-surname = Фамилия
import-field-name = Имя
import-field-patronymic = Отчество
import-field-iin = ИИН
import-field-birth-date = Дата рождения
import-field-sex = Пол
import-field-relation = Родство
import-field-phone = Телефон
import-field-village = Населённый пункт
import-field-street = Улица
import-field-house = Дом
import-field-flat = Квартира
import-field-address = Адрес (в одном столбце)
import-field-categories = Категория
import-field-registered-on = Дата регистрации
import-field-notes = Примечание
import-column-family-key = № семьи
import-column-full-name = ФИО
import-column-surname = Фамилия
import-column-name = Имя
import-column-patronymic = Отчество
import-column-iin = ИИН
import-column-birth-date = Дата рождения
import-column-sex = Пол
import-column-relation = Родство
import-column-phone = Телефон
import-column-village = Населённый пункт
import-column-street = Улица
import-column-house = Дом
import-column-flat = Квартира
import-column-address = Адрес
import-column-categories = Категория
import-column-registered-on = Дата регистрации
import-column-notes = Примечание
import-fix-iin-leading-zero = Возвращён ноль в начале ИИН
import-fix-date-serial = Номер дня Excel превращён в дату
import-fix-date-spelling = Дата, записанная иначе, прочитана
import-fix-phone = Телефон приведён к виду +7
import-fix-latin-letters = Латинские буквы в кириллическом слове заменены
import-fix-spaces = Убраны лишние пробелы
import-fix-name-split = ФИО разделено на фамилию, имя и отчество
import-fix-category = Категория сопоставлена с названием из списка
import-fix-address-split = Адрес разделён на части
import-fix-address-mark = Убрано слово «дом», «д.», «кв.» у номера: адрес печатает его сам
import-count-rows = Строк с данными
import-count-families = Семей в файле
import-count-added = Новые семьи
import-count-updated = Будут обновлены
import-count-unchanged = Уже в реестре, без изменений
import-count-skipped = Пропускаемые совпадения
import-count-rejected = Семьи с ошибками (не загружаются)
import-count-error-rows = Строк с ошибками
import-count-warning-rows = Строк с предупреждениями
import-earlier = Этот файл уже импортирован { $at }. Повторный импорт не создаст дублей.
import-undone = Импорт отменён: удалено семей — { $removed }, возвращено к прежнему виду — { $restored }.
import-cli-sheet = Лист «{ $sheet }», строка заголовков: { $row }
import-cli-column = Столбец
import-cli-header = Заголовок
import-cli-field = Поле
import-cli-what = Что
import-cli-count = Сколько
import-cli-match = Строка { $row } → семья № { $registry_no }, { $name }:
import-cli-done = Импорт завершён. Отмена: meirim-cli imports undo { $batch }
import-cli-dry-run = Это только проверка: в реестр ничего не записано.
import-cli-at = Время
import-cli-file = Файл
import-cli-undone = Отменён
import-open = Импорт из Excel
import-title = Импорт списка семей из файла Excel или CSV
import-back-to-list = К списку семей
import-step-file = Файл
import-step-columns = Столбцы
import-step-preview = Проверка
import-step-done = Готово
import-file-intro = Выберите список офиса: XLSX, XLS, ODS или CSV. Сначала будет проверка — в реестр ничего не запишется.
import-file-on-stick = USB-накопитель «{ $drive }»
import-file-in-documents = Папка документов
import-file-none = Ни на USB-накопителе, ни в папке документов файлов таблиц не найдено.
import-file-other = Выбрать другой файл…
import-template-title = Шаблон
import-template-intro = Файл Excel с ожидаемыми столбцами и заполненным примером: если составляете список заново, заполните этот шаблон.
import-template-save = Сохранить шаблон
import-saved-to = Сохранено: { $path }
import-history = Прошлые импорты
import-history-empty = Импортов пока не было.
import-history-undone = Отменён
import-history-edited = Отменить нельзя: изменено семей после импорта — { $count }
import-undo = Отменить импорт
import-sheet = Лист
import-header-row = Номер строки заголовков
import-mapping-saved = Сохранённое сопоставление
import-mapping-suggested = Предложенное по заголовкам
import-csv-encoding = Кодировка
import-csv-delimiter = Разделитель
import-csv-auto = Автоматически
import-csv-tab = Табуляция
import-samples = Примеры
import-field-none = — не загружать —
import-shape-key = Каждая строка — человек; строки с одинаковым «Номером семьи» — одна семья.
import-shape-relation = Каждая строка — человек; строка без родства начинает новую семью, следующие строки — её члены.
import-shape-row = Каждая строка — одна семья (глава семьи).
import-field-chosen-twice = Поле «{ $field }» выбрано для двух столбцов: для одного выберите «не загружать».
import-mapping-name = Название сопоставления, например «Список села»
import-mapping-save = Сохранить сопоставление
import-mapping-saved-ok = Сохранено: в следующий раз эти заголовки сопоставятся сами.
import-back = Назад
import-check = Проверить
import-dry-run-note = Это проверка: в реестр пока ничего не записано. Если всё верно, нажмите «Импортировать».
import-matches = Семьи, которые уже есть в реестре
import-choice-all = Для всех совпадений
import-choice-update = Обновить
import-choice-skip = Пропустить
import-choice-add-new = Добавить как новую семью
import-matches-more = Показаны первые { $shown } из { $count } совпадений; к остальным применяется выбор «Для всех совпадений».
import-row = Строка { $row }
import-match-by-iin = по ИИН
import-match-by-name-birth-date = по ФИО и дате рождения
import-match-by-name-address = по ФИО и адресу
import-match-no-changes = Без изменений
import-issues = Ошибки и предупреждения
import-issues-none = Ни ошибок, ни предупреждений.
import-rejected-save = Сохранить непринятые строки (XLSX)
import-fixes = Что изменено при очистке
import-apply = Импортировать
import-progress = { $done } из { $total } семей
import-reading = Файл читается…
import-progress-start = Файл проверяется…
import-done-text = Импорт завершён: добавлено новых семей — { $added }, обновлено — { $updated }.
import-open-families = Открыть список семей

## Backups
error-backup-write-failed = Резервная копия не записана: { $path } ({ $reason }). Проверьте, что есть место и разрешена запись.
error-backup-read-failed = Резервная копия не читается: { $path } ({ $reason }).
error-backup-damaged = Резервная копия повреждена: { $path } ({ $reason }). Выберите другую копию; текущие данные не изменены.
error-backup-wrong-passphrase = Неверный пароль — или повреждена строка ключа в начале файла: различить эти случаи нельзя. Введите пароль ещё раз; если не поможет, выберите другую копию. Текущие данные не изменены.
error-backup-passphrase-short = Пароль слишком короткий: не меньше { $min } знаков.
error-backup-not-meirim = Этот файл не резервная копия Meirim: { $path }.
error-backup-altered = Копию { $path } изменила посторонняя программа ({ $object }), поэтому она не восстанавливается. Выберите другую копию; текущие данные не изменены.
error-db-damaged = Файл реестра повреждён ({ $reason }). Meirim ничего в него не пишет: восстановите последнюю исправную резервную копию. Повреждённый файл не удаляется.
error-package-not-meirim = Этот файл не пакет отчёта Meirim (.meirim-report). Попросите офис прислать пакет заново; реестр не изменён.
error-package-damaged = Пакет отчёта повреждён или изменён ({ $part }). Попросите офис сделать и прислать пакет заново; реестр не изменён.
error-package-newer-schema = Этот пакет сделан более новой версией Meirim (формат { $found }, эта версия читает до { $supported }). Обновите Meirim; реестр не изменён.
error-package-too-large = Файл слишком велик для пакета отчёта ({ $part }). Это не пакет или он повреждён: попросите офис прислать его заново.
error-package-wrong-level = Этот реестр не читает такой пакет: уровень офиса не подходит ({ $level }). Район читает отчёты сельских округов, область — районов. Проверьте уровень на странице «Бланк».
error-package-from-self = Это пакет этого же офиса. Его отправляют в район, читать его здесь не нужно.
error-package-other-district = Пакет «{ $office }» отправлен в другой район. Дайте офису ключ-карту вашего района и попросите сделать пакет заново.
error-package-unknown-office = Офиса «{ $office }» ещё нет в списке района. Согласитесь добавить его к офисам района и прочитайте пакет снова.
error-district-key-invalid = Ключ района набран с ошибкой: { $reason }. Наберите заново 16 групп с бумаги (по 4 знака: 0–9, A–F).
error-district-key-missing = Ключ района ещё не введён. Получите в районе ключ-карту (.meirim-key) и введите её на странице «Бланк».
error-district-key-mismatch = Этот файл ответа сделан с другим ключом района. Введите последнюю ключ-карту района и попросите ответ заново.
error-key-card-not-meirim = Этот файл не ключ-карта района (.meirim-key). Попросите карту в районе заново.
error-answer-not-meirim = Этот файл не ответ района (.meirim-doubles). Попросите файл ответа в районе заново.
error-transfer-not-meirim = Этот файл не файл передачи семьи Meirim (.meirim-family). Попросите файл заново в офисе, который его прислал.
error-transfer-damaged = Файл передачи семьи повреждён ({ $reason }). Попросите офис сделать и прислать его заново; реестр не изменён.
error-transfer-too-large = Файл слишком велик для файла передачи семьи. Это другой файл или он повреждён.
error-transfer-already-here = Эта семья (или её член) уже зарегистрирована здесь под №{ $number }: { $head }. Выберите добавить историю к этой семье — вторая семья не создаётся.
error-transfer-not-that-family = У выбранной семьи нет общего ИИН с прибывшей. Выберите семью, найденную по ИИН.
error-sign-in-wrong = Неверное имя для входа или пароль. Проверьте раскладку клавиатуры и Caps Lock и введите снова.
error-sign-in-needed = В этом реестре есть учётные записи: укажите имя для входа через --user (или MEIRIM_USER), пароль — через MEIRIM_PASSWORD или MEIRIM_PASSWORD_FILE, либо введите его в терминале.
error-sign-in-wait = Неверный пароль введён несколько раз. Повторите через { $seconds } с.
error-account-disabled = Эта учётная запись отключена. Обратитесь к администратору.
error-accounts-exist = В этом реестре уже есть учётные записи: администратор не создаётся повторно. Войдите.
error-no-accounts = В этом реестре ещё нет учётных записей: сначала создайте администратора.
error-login-taken = Имя для входа «{ $login }» уже занято. Выберите другое.
error-login-invalid = Имя для входа: от 2 до 40 букв, цифр, точек, дефисов или подчёркиваний, без пробелов.
error-password-too-short = Пароль должен содержать не менее { $min } символов.
error-password-same-as-login = Пароль не должен совпадать с именем для входа.
error-password-mismatch = Пароли не совпадают. Введите оба ещё раз.
error-key-file-damaged = Файл ключей ({ $path }) повреждён или не принадлежит Meirim. Откройте реестр ключом восстановления.
error-not-allowed = Вашей роли это действие не разрешено. При необходимости обратитесь к администратору.
error-signed-out = Сеанс заблокирован. Чтобы продолжить, введите пароль ещё раз.
error-last-administrator = Это единственный активный администратор. Сначала назначьте другого администратора.
error-recovery-key-wrong = Ключ восстановления не открывает этот реестр. Сверьте 64 символа (0–9, A–F) с бумагой.
backup-sealed = Зашифрованная копия записана: { $path } (семей: { $families }).
backup-verified = Копия исправна: семей — { $families }, записей о помощи — { $deliveries }.
backup-restore-compare = В копии: семей — { $families }, записей о помощи — { $deliveries }. Сейчас в реестре: семей — { $current_families }, записей о помощи — { $current_deliveries }.
backup-restore-confirm-hint = Чтобы восстановить, добавьте --yes: текущие данные сначала будут сохранены в копию.
backup-restored = Данные восстановлены из копии. Прежние данные сохранены в папке «backups».
backup-restored-done = Данные восстановлены из копии: { $families } семей, { $deliveries } записей о помощи. Прежние данные сохранены как копия «Перед восстановлением».
backup-working-now = Копия создаётся и проверяется…
backup-working-inspect = Копия проверяется: файл открывается, каждая страница проверяется. Для большого реестра это займёт несколько секунд…
backup-working-seal = Зашифрованная копия создаётся и записывается…
backup-working-restore = Идёт восстановление: сначала сохраняется копия текущих данных…
backup-kind-daily = Ежедневная
backup-kind-after-change = После крупного изменения
backup-kind-manual = Сделана вручную
backup-kind-before-restore = Перед восстановлением
backup-kind-before-migration = Перед обновлением
backup-col-created = Создана
backup-col-kind = Вид
backup-col-size = Размер
backup-col-families = Семьи
backup-col-deliveries = Записи о помощи
backup-col-file = Файл
nav-backups = Копии
backup-title = Резервные копии
backup-intro = Meirim сам делает копию данных: каждый день при первом запуске и после импорта, массовой раздачи, объединения. Копии хранятся на этом компьютере — если он сломается или его украдут, пропадут и они. Поэтому раз в неделю записывайте зашифрованную копию на USB-накопитель и храните его отдельно.
backup-damaged-intro = Файл реестра повреждён, поэтому Meirim его не открыл и ничего в него не записал. Выберите ниже последнюю исправную копию и восстановите: повреждённый файл не удаляется, он сохраняется рядом.
backup-local-title = Копии на этом компьютере
backup-now = Сделать копию сейчас
backup-auto-failed = Автоматическая резервная копия не создана ({ $when }): { $reason }
backup-auto-failed-hint = Без копии данные могут пропасть при поломке или краже компьютера. В разделе «Копии» нажмите «Сделать копию сейчас». Причина записана в файл meirim.log в папке данных.
backup-auto-failed-open = Перейти к копиям
backup-auto-running = Идёт автоматическое резервное копирование…
backup-made = Копия сделана: { $file }
backup-none = Копий пока нет.
backup-restore = Восстановить
backup-seal-title = Зашифрованная копия на USB-накопитель
backup-passphrase-warning = Копия шифруется паролем: если накопитель потеряется, никто её не откроет. Если вы забудете пароль, копию не откроет никто — и мы тоже. Запишите пароль и храните в сейфе.
backup-passphrase = Пароль
backup-passphrase-again = Повторите пароль
backup-passphrase-mismatch = Пароли не совпадают.
backup-seal = Записать зашифрованную копию
backup-sealed-to = Зашифрованная копия записана и проверена: { $path }
backup-from-file-title = Восстановить из файла
backup-choose-file = Выбрать файл…
backup-inspect = Проверить
backup-restore-title = Что в копии
backup-in-backup = В копии
backup-now-in-registry = Сейчас в реестре
backup-col-members = Люди
backup-col-volunteers = Волонтёры
backup-col-newest-change = Последнее изменение
backup-migrated = Копия сделана старой версией Meirim (схема { $from }): она приведена к новой схеме.
backup-destroyed-again = { $count } { $count ->
    [one] семья, чьи персональные данные были уничтожены
    [few] семьи, чьи персональные данные были уничтожены
   *[other] семей, чьи персональные данные были уничтожены
} после создания копии, уничтожены и в копии: они не вернутся.
backup-restore-warning = При восстановлении текущие данные заменятся данными из копии. Текущие данные сначала сохранятся в копию «Перед восстановлением».
backup-restore-damaged-warning = Повреждённый файл сохранится рядом под именем «.damaged», а копия встанет на его место.
backup-restore-confirm = Да, восстановить
backup-keep-title = Сколько копий хранить
backup-keep-daily = Ежедневных
backup-keep-weekly = Еженедельных
backup-keep-monthly = Ежемесячных
backup-keep-saved = Сохранено.

## Windows: WebView2, which draws the app's window, is missing.
webview2-missing-title = Мейирим не открылся
webview2-missing = На этом компьютере нет Microsoft Edge WebView2, а без него окно Мейирима не откроется. Что делать: установите обновления Windows (WebView2 есть в Windows 11 и в обновлённой Windows 10) или попросите IT-специалиста установить «WebView2 Runtime» (Evergreen Standalone Installer) с сайта Microsoft. Затем откройте Мейирим снова. С вашими данными ничего не случилось.

## Accounts and sign-in
auth-sign-in-title = Вход
auth-sign-in-intro = Реестр зашифрован: открыть его может только сотрудник с учётной записью.
auth-login = Имя для входа
auth-password = Пароль
auth-password-again = Повторите пароль
auth-sign-in = Войти
auth-signing-in = Проверка…
auth-forgot = Забыли пароль?
auth-full-name = ФИО
auth-create-title = Создание администратора
auth-create-intro = На этом компьютере в Meirim ещё нет учётных записей. Сначала создайте администратора: он добавляет сотрудников, назначает роли и восстанавливает реестр. Реестр шифруется ключом, который открывается паролем администратора.
auth-create-existing = В реестре { $families } семей. При создании администратора реестр и его резервные копии будут зашифрованы, а старый незашифрованный файл перезаписан нулями и удалён. Ничего не потеряется.
auth-create = Создать администратора
auth-creating = Реестр шифруется…
auth-password-hint = Не менее 8 символов. Лучше длинная фраза, например «Весной цветут яблони».
recovery-title = Ключ восстановления
recovery-intro = Если пароль забыт, реестр откроет только этот ключ. Распечатайте его (или сохраните в PDF) и храните отдельно от компьютера, в сейфе. Без ключа и без пароля данные не восстановит никто — даже разработчики Meirim.
recovery-print = Печать
recovery-confirm = Я распечатал ключ или сохранил его в PDF
recovery-continue = Продолжить
recovery-office = Офис
recovery-date = Дата
recovery-tool-hint = С этим ключом реестр открывает и любая программа, совместимая с SQLCipher 4.
recover-title = Восстановление пароля
recover-intro = Введите ключ восстановления с бумаги (64 символа), имя для входа администратора и новый пароль.
recover-key = Ключ восстановления
recover-submit = Сменить пароль
recover-back = Вернуться ко входу
lock-title = Окно заблокировано
lock-intro = { $name }, чтобы продолжить, введите пароль. Заполняемая форма сохранена.
lock-unlock = Разблокировать
lock-sign-out = Войдёт другой сотрудник
account-lock = Заблокировать
account-sign-out = Выйти
role-administrator = Администратор
role-operator = Оператор
role-viewer = Наблюдатель
change-password-title = Задайте свой пароль
change-password-intro = Администратор выдал вам временный пароль. Прежде чем начать работу, придумайте пароль, который знаете только вы.
change-password-submit = Сохранить
nav-accounts = Учётные записи
accounts-title = Учётные записи
accounts-add-title = Новый сотрудник
accounts-role = Роль
accounts-temp-password = Временный пароль
accounts-add = Добавить
accounts-added = { $name } добавлен(а). Передайте временный пароль лично: при первом входе сотрудник задаст свой.
accounts-disabled = отключена
accounts-disable = Отключить
accounts-enable = Включить снова
accounts-reset = Выдать временный пароль
accounts-reset-done = Для { $name } задан временный пароль.
accounts-must-change = должен сменить пароль
accounts-idle = Блокировать после бездействия, минут
accounts-idle-saved = Сохранено: { $minutes } мин.
accounts-save = Сохранить
accounts-recovery = Показать ключ восстановления
accounts-leaver-hint = Если сотрудник уволился, отключите его учётную запись: его пароль больше не откроет реестр, а его имя в журнале изменений сохранится.
accounts-roles-hint = Администратор — всё; оператор — семьи, помощь, кампании, волонтёры, письма, импорт, отчёты, резервные копии; наблюдатель — только просмотр и сводные отчёты.
accounts-change-key-title = Смена ключа реестра
accounts-change-key-intro = Если уволился сотрудник, который мог скопировать файл реестра: реестр и его локальные копии перешифровываются новым ключом. Старый ключ восстановления больше ничего не открывает — распечатайте новый. Пароли не меняются.
accounts-change-key-warning = Смена занимает от нескольких секунд до нескольких минут (по размеру реестра). Если пропадёт питание, она завершится при следующем входе. Старый бумажный ключ уничтожьте после того, как распечатаете новый.
accounts-change-key = Сменить ключ
accounts-change-key-working = Перешифрование…

## District roll-up: the office's identity, report packages, the consolidated report.
district-title = Сводный отчёт
district-completeness = Сдача отчётов
district-by-office = По офисам
district-col-office = Офис
district-col-standing = Состояние
district-col-made = Дата составления
district-col-total = Всего
district-col-section = Раздел
district-col-figure = Величина
district-standing-on-time = Вовремя
district-standing-late = С опозданием
district-standing-missing = Не сдан
district-due = Срок сдачи: по { $date } включительно
district-doubles-line = Семьи, которым в одном периоде помогли два офиса: { $count } (сравнено семей: { $compared })
district-package-saved = Пакет отчёта сохранён: { $path }
district-key-card-saved = Ключ-карта района сохранена: { $path }. Передайте её офисам один раз на флешке или на бумаге; не отправляйте вместе с пакетами отчётов.
district-answer-saved = Файл ответа сохранён: { $path }
level-okrug = Сельский округ
level-district = Район
level-oblast = Область
district-verdict-new = Новый отчёт
district-verdict-replaces = Более новая версия: прежняя останется в истории
district-verdict-older = Более старая версия: записывается только в историю
district-verdict-already-read = Уже прочитан: ничего не меняется
district-verdict-unknown-office = Новый офис: нужно согласие добавить его к району
cli-office-name = Название
cli-office-level = Уровень
cli-office-parent = Вышестоящий офис
cli-office-key = Отпечаток ключа района
cli-office-col-family = Семья
cli-office-col-others = Также помог офис
cli-office-doubles = Семьи, которым помог и другой офис: { $count }
cli-district-col-file = Файл
cli-district-col-period = Период
cli-district-col-outcome = Результат
cli-district-col-expected = Ожидается
district-verdict-office-added = Прочитан: офис добавлен к району
nav-district = Район
district-view-title = Район: отчёты офисов
district-view-title-office = Офис и район
district-tab-packages = Чтение пакетов
district-tab-consolidated = Сводный отчёт
district-tab-offices = Офисы
district-tab-office = Этот офис
district-tab-answer = Ответ района
office-title = Офис
office-explain = Название офиса, уровень и код КАТО входят в каждый отчёт, отправляемый в район.
office-name-kk = Название (на казахском)
office-name-ru = Название (на русском)
office-level = Уровень
office-kato = Код КАТО
office-save = Сохранить офис
office-saved = Сохранено
office-key-title = Ключ района
office-key-id = Отпечаток ключа: { $id }
office-key-none = Ключ района ещё не введён: пакет уходит в район без хэшей ИИН семей.
office-parent = район: { $name }
office-key-explain = Ключ-карту район выдаёт один раз (на флешке или на бумаге). С ключом район видит, что двум офисам помогли одной семье, без ИИН. Не отправляйте ключ вместе с пакетами.
office-key-read = Прочитать карту «{ $name }» ({ $drive })
office-key-other = Другой файл…
office-key-typed = Ключ с бумаги (64 знака)
office-key-accept = Ввести ключ
office-key-accepted = Ключ района введён (отпечаток { $id }).
district-key-explain = Ключ-карта для офисов: ключ создаётся при первом сохранении. Передайте карту каждому офису один раз; она не ходит вместе с пакетами отчётов.
district-key-card-save = Сохранить ключ-карту
package-send-title = Отправить в район
package-send-up-title = Отправить в область
package-send-explain = Отчёт за период записывается на флешку одним файлом (.meirim-report): показатели, PDF и хэши ИИН членов семей, получивших помощь, сделанные с ключом района. Ни ФИО, ни ИИН не уходят.
package-send = Записать пакет
package-sent = Пакет отчёта сохранён: { $path }
packages-explain = Файлы .meirim-report на флешках и в папке документов сначала проверяются, затем читаются все вместе.
packages-refresh = Проверить флешки заново
packages-more = Другие файлы…
packages-none = Пакеты отчётов не найдены. Вставьте флешку и нажмите «Проверить флешки заново».
packages-read = Прочитать ({ $count })
packages-done = Прочитано пакетов: { $count }
package-add-office = Добавить к району
package-becomes = Станет офисом «{ $name }», добавленным вручную
package-other-key = Хэши сделаны другим ключом: повторы семей для этого офиса не проверяются.
offices-none = Офисов района пока нет: они добавляются с первым пакетом или вручную ниже.
offices-add-title = Добавить офис, от которого ждут отчёт
offices-add = Добавить офис
district-periods = Периоды с пакетами:
district-sent-of = сдали { $sent } из { $expected } офисов
district-versions = версий: { $count }
district-unchecked = Офисы, чьи хэши ИИН не сравнивались (нет ключа или другой): { $names }
doubles-col-aid = Выданная помощь
district-save-title = Сохранить сводный отчёт
district-answer-save = Файл ответа офисам
district-total-title = Итого по району
answer-explain = Файл ответа района (.meirim-doubles) показывает, каким семьям этого офиса в том же периоде помог и другой офис. В файле нет ни ИИН, ни ФИО: офис находит семьи в своём реестре по ключу района.
answer-read = Прочитать ответ «{ $name }»
answer-other = Другой файл…
answer-title = Ответ: { $district }, { $from } – { $to }
answer-col-here = Выдал этот офис
transfer-saved = Файл передачи семьи сохранён: { $path }. Здесь семья перенесена в архив. Сообщите пароль отдельно, не вместе с файлом.
transfer-received = Семья принята с историей: в реестре №{ $number }.
action-transfer = Передать в другой офис
transfer-send-title = Передача семьи №{ $no } в другой офис
transfer-send-explain = Семья записывается в один файл вместе с членами, согласием, историей помощи и журналом изменений. Файл шифруется паролем: сообщите пароль принимающему офису по телефону, не вместе с файлом. После записи файла семья здесь переносится в архив.
transfer-reason = Причина
transfer-passphrase = Пароль файла (не короче 8 знаков)
transfer-passphrase-again = Пароль ещё раз
transfer-send = Записать файл
transfer-receive-open = Семья из другого офиса
transfer-receive-title = Семья, переданная другим офисом
transfer-receive-explain = Выберите файл .meirim-family, присланный другим офисом, и наберите пароль, который там сообщили по телефону. Сначала будет показано, что в файле и нет ли здесь семьи с теми же ИИН.
transfer-none = На флешках и в папке документов файлов .meirim-family не найдено.
transfer-open = Открыть файл
transfer-busy = Файл открывается…
transfer-from = Офис-отправитель
transfer-contents = В файле
transfer-counts = членов: { $members }, записей помощи: { $deliveries }, записей истории: { $history }
transfer-matches = Эти люди уже зарегистрированы здесь. Вторая семья не создаётся: прибывшие история помощи и журнал добавятся к семье ниже, её данные не изменятся.
transfer-shared-iins = общих ИИН: { $count }
transfer-add-history = Добавить историю к этой семье
transfer-accept = Принять семью
