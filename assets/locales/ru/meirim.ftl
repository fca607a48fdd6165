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
families-search-placeholder = Поиск по ФИО или ИИН
families-new = Новая семья
families-count = Всего: { $count } { $count ->
    [one] семья
    [few] семьи
   *[many] семей
}
families-empty = Пока не зарегистрировано ни одной семьи. Нажмите «Новая семья».
families-no-match = По запросу «{ $query }» ничего не найдено.
families-page = { $from }–{ $to } из { $total }
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

## Ошибки

error-required = Заполните это поле.
error-too-long = Слишком длинный текст: не более { $max } символов, сейчас { $length }.
error-invalid-date = «{ $value }» не распознано как дата. Укажите дату в виде 06.12.2023.
error-date-in-future = Дата рождения не может быть в будущем. Проверьте год.
error-date-too-old = Дата рождения раньше { $year } года, вероятно, ошибочна. Проверьте год.
error-iin-length = ИИН состоит из 12 цифр, а введено { $length }.
error-iin-not-digits = ИИН состоит только из цифр. Уберите буквы и знаки.
error-iin-checksum = Последняя (контрольная) цифра ИИН не сходится: вероятно, одна цифра набрана с ошибкой. Сверьте с документом.
error-iin-taken = Этот ИИН уже есть в реестре: { $name }. Не создавайте новую семью, откройте страницу той семьи.
error-phone-invalid = «{ $value }» не похоже на казахстанский номер телефона. Укажите в виде +7 701 234 56 78.
error-unknown-oblast = Область «{ $value }» не найдена. Выберите область из списка.
error-unknown-category = Категория «{ $value }» не найдена. Выберите категорию из списка.
error-unknown-language = Язык «{ $value }» неизвестен. Укажите kk (казахский) или ru (русский).
error-invalid-choice = Недопустимое значение «{ $value }». Возможные значения: { $allowed }.
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
cli-col-id = ID
cli-col-code = Код
cli-col-iso = Код ISO
