<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>models</name>
    <message>
      <location filename="../../models/backup.py" line="67" />
      <source>The backup could not be written to {path}: {reason}</source>
      <translation>无法将备份写入 {path}：{reason}</translation>
    </message>
    <message>
      <location filename="../../models/backup.py" line="58" />
      <source>The disk is full: the backup was not written. Free some space and try again.</source>
      <translation>磁盘已满，备份未写入。请释放一些空间后重试。</translation>
    </message>
    <message>
      <location filename="../../models/backup.py" line="62" />
      <source>The database is damaged, so it cannot be copied this way: {reason}</source>
      <translation>数据库已损坏，无法用这种方式复制：{reason}</translation>
    </message>
    <message>
      <location filename="../../models/backup.py" line="89" />
      <source>There is no database file at {path}.</source>
      <translation>{path} 处没有数据库文件。</translation>
    </message>
    <message>
      <location filename="../../models/backup.py" line="144" />
      <source>There is no backup file at {path}.</source>
      <translation>{path} 处没有备份文件。</translation>
    </message>
    <message>
      <location filename="../../models/backup.py" line="149" />
      <source>{path} cannot be opened: {reason}</source>
      <translation>无法打开 {path}：{reason}</translation>
    </message>
    <message>
      <location filename="../../models/backup.py" line="154" />
      <source>The backup {path} is damaged.</source>
      <translation>备份 {path} 已损坏。</translation>
    </message>
    <message>
      <location filename="../../models/backup.py" line="162" />
      <source>{path} is not a Partner Desk backup ({reason}).</source>
      <translation>{path} 不是伙伴工作台的备份（{reason}）。</translation>
    </message>
    <message>
      <location filename="../../models/db.py" line="177" />
      <source>The database is busy: another program or desk is writing to it. Wait a moment and try again.</source>
      <translation>数据库正忙：其他程序或其他工作台正在写入。请稍候再试。</translation>
    </message>
    <message>
      <location filename="../../models/db.py" line="184" />
      <source>The database cannot be written. Check that the file and its folder are not read-only and that the drive is connected.</source>
      <translation>无法写入数据库。请检查文件及其所在文件夹是否为只读，以及所在磁盘是否已连接。</translation>
    </message>
    <message>
      <location filename="../../models/db.py" line="190" />
      <source>The disk is full. Free some space and try again; nothing was saved.</source>
      <translation>磁盘已满，未保存任何内容。请释放一些空间后重试。</translation>
    </message>
    <message>
      <location filename="../../models/db.py" line="193" />
      <source>The database file is damaged. Restore a backup (File → Restore from a backup).</source>
      <translation>数据库文件已损坏。请从备份恢复（文件 → 从备份恢复）。</translation>
    </message>
    <message>
      <location filename="../../models/demo.py" line="680" />
      <source>--{name} cannot be negative.</source>
      <translation>--{name} 不能为负数。</translation>
    </message>
    <message>
      <location filename="../../models/demo.py" line="787" />
      <source>Add at least one store or site.</source>
      <translation>请至少添加一个门店或站点。</translation>
    </message>
    <message>
      <location filename="../../models/demo.py" line="1171" />
      <source>Too many items for store {store} in {year}; ask for fewer demo items.</source>
      <translation>门店 {store} 在 {year} 年的物品过多，请减少示例物品数量。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="152" />
      <source>“{name}” is not a readable Excel workbook (.xlsx): it may be damaged or in another format. Open it in Excel or WPS and save it again as .xlsx or CSV.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="222" />
      <source>“{name}” is not a text file in an encoding Partner Desk can read (UTF-8 or GBK). Save it from Excel or WPS as “CSV UTF-8” or as .xlsx.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="203" />
      <source>“{name}” is empty.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="296" />
      <source>“{name}” is larger than 100 MB.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="300" />
      <source>“{name}” is an old Excel file (.xls). Open it in Excel or WPS and save it as .xlsx or CSV.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="566" />
      <source>Choose the column that holds the description of each item.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="576" />
      <source>Choose the column that holds the category, or a category for all rows.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="708" />
      <source>{count} problems in the file: correct them and check the file again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="713" />
      <source>The file has no rows of items.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="194" />
      <source>“{name}” has more than {limit} rows; split it into smaller files.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="239" />
      <source>“{name}” is not a well-formed CSV file: {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="254" />
      <source>Reading .xlsx files needs the openpyxl package.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="291" />
      <source>“{name}” cannot be read: {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="436" />
      <source>Unknown category “{value}”.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="438" />
      <source>The category “{value}” is no longer in use.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="484" />
      <source>The description is empty.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="563" />
      <source>The file has no column “{column}”.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="572" />
      <source>Choose a category in use for rows that have none.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="724" />
      <source>The categories changed since the file was checked: check it again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="428" />
      <source>The category “{value}” exists in several groups; write it as “group › category”.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="435" />
      <source>“{value}” is a group of categories; choose one of its categories.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="486" />
      <source>The description is longer than 300 characters.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="495" />
      <source>The category is empty.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="503" />
      <source>Unknown grade “{value}”: use A, B, C or X (不可售).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="506" />
      <source>The grade is empty: use A, B, C or X (不可售).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="513" />
      <source>The quantity “{value}” is not a whole number.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="515" />
      <source>The quantity must be at least 1, not {value}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="530" />
      <source>The value “{value}” is not an amount of money.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="535" />
      <source>The value must not be negative ({value}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="519" />
      <source>The quantity {value} is more than 10,000: split the line or check it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="540" />
      <source>The value {value} is more than ¥1,000,000 for one item.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/files.py" line="31" />
      <source>Could not write {path}: {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/files.py" line="27" />
      <source>The disk is full: {path} was not written. Free some space and try again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/intake.py" line="200" />
      <source>“{phone}” is not a phone number: enter an 11-digit mobile number or a landline such as 021-62345678.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/intake.py" line="90" />
      <source>Enter the name of the staff member.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/intake.py" line="92" />
      <source>A staff name has at most 100 characters.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/intake.py" line="107" />
      <source>Choose the store that received the donation.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/intake.py" line="109" />
      <source>Store {store} is closed; choose another store.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/intake.py" line="118" />
      <source>The chosen donor no longer exists; choose the donor again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/intake.py" line="126" />
      <source>The date received ({date}) is in the future.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/intake.py" line="130" />
      <source>The date received ({date}) is too far in the past.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/intake.py" line="194" />
      <source>“{phone}” is not a mobile number: it should be 11 digits starting with 13–19.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/intake.py" line="293" />
      <source>An anonymous donation has no donor record: save the donation without a donor.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/intake.py" line="296" />
      <source>Choose whether the donor is a person or a company.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/intake.py" line="299" />
      <source>Enter the donor's name.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/intake.py" line="301" />
      <source>The donor's name has at most 200 characters.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/intake.py" line="305" />
      <source>“{email}” is not an email address.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/intake.py" line="308" />
      <source>The address has at most 300 characters.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/intake.py" line="399" />
      <source>Item codes can only be made for the years 2000 to 2099.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/intake.py" line="480" />
      <source>Line {line}: choose a category.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/intake.py" line="483" />
      <source>Line {line}: “{category}” is a group; choose one of its categories.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/intake.py" line="489" />
      <source>Line {line}: the category “{category}” is no longer in use; choose another.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/intake.py" line="502" />
      <source>Line {line}: the description has more than 300 characters.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/intake.py" line="506" />
      <source>Line {line}: the quantity must be a whole number from 1 to 10,000.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/intake.py" line="510" />
      <source>Line {line}: the estimated value must be between ¥0 and ¥1,000,000.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/intake.py" line="529" />
      <source>Add at least one item to the donation.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/intake.py" line="186" />
      <source>“{phone}” is not a mainland China phone number.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/intake.py" line="315" />
      <source>The phone number {phone} already belongs to donor “{name}”.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/intake.py" line="519" />
      <source>Choose how the donation arrived.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/intake.py" line="498" />
      <source>Line {line}: choose a grade (A, B, C or X).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/intake_stats.py" line="286" />
      <source>The start date is after the end date.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/intake_stats.py" line="113" />
      <source>Unknown time zone “{zone}”.</source>
      <translation>未知时区“{zone}”。</translation>
    </message>
    <message>
      <location filename="../../models/intake_stats.py" line="284" />
      <source>Choose dates between 1900 and 9998.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/items.py" line="219" />
      <source>Item {code} has been sold; nothing more can be recorded for it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/items.py" line="220" />
      <source>Item {code} has been passed on; nothing more can be recorded for it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/items.py" line="223" />
      <source>Item {code} has been recycled; nothing more can be recorded for it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/items.py" line="224" />
      <source>Item {code} has been discarded; nothing more can be recorded for it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/items.py" line="255" />
      <source>Item {code} ({status}) cannot take the event “{event}”.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/items.py" line="315" />
      <source>The recipient's name has at most {limit} characters.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/items.py" line="317" />
      <source>A note has at most {limit} characters.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/items.py" line="239" />
      <source>Item {code} was received at intake; it cannot be received again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/items.py" line="243" />
      <source>Item {code} is not on the shelf yet; shelve it before recording a sale.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/items.py" line="247" />
      <source>Item {code} has already been sorted.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/items.py" line="250" />
      <source>Item {code} is already on the shelf; it cannot go back to sorting.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/items.py" line="253" />
      <source>Item {code} is already on the shelf.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/items.py" line="288" />
      <source>No item has the code “{code}”.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/items.py" line="302" />
      <source>Item {code} is recorded at store {store}, not at {here}; record its transfer first.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/items.py" line="325" />
      <source>Enter the price item {code} sold for (¥0.01 to ¥1,000,000).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/items.py" line="329" />
      <source>Enter who received item {code} (a person or an organisation).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/items.py" line="332" />
      <source>Write the note for item {code}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/items.py" line="337" />
      <source>Choose the store that item {code} goes to.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/items.py" line="344" />
      <source>Item {code} is already at store {store}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/labels.py" line="269" />
      <source>There are no items to print labels for.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/labels.py" line="309" />
      <source>Set up the organisation first.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/labels.py" line="368" />
      <source>There is no item with the code {code}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/migrate.py" line="113" />
      <source>This database was written by a newer version of Partner Desk (schema {revision}). Install the newer version to open it; the file was not changed.</source>
      <translation>此数据库由更新版本的伙伴工作台写入（结构版本 {revision}）。请安装新版本后再打开；文件未做任何更改。</translation>
    </message>
    <message>
      <location filename="../../models/migrate.py" line="122" />
      <source>This file is a database, but not a Partner Desk one. Choose another file; it was not changed.</source>
      <translation>此文件是数据库，但不是伙伴工作台的数据库。请选择其他文件；该文件未做任何更改。</translation>
    </message>
    <message>
      <location filename="../../models/migrate.py" line="97" />
      <source>The database has broken links between records ({count}). Restore it from a backup (File → Restore from a backup).</source>
      <translation>数据库中有 {count} 处记录之间的关联已损坏。请从备份恢复（文件 → 从备份恢复）。</translation>
    </message>
    <message>
      <location filename="../../models/money.py" line="24" />
      <source>“{text}” is not an amount of money.</source>
      <translation>“{text}”不是有效的金额。</translation>
    </message>
    <message>
      <location filename="../../models/money.py" line="33" />
      <source>Amounts have at most two decimal places (fen).</source>
      <translation>金额最多保留两位小数（精确到分）。</translation>
    </message>
    <message>
      <location filename="../../models/organisation.py" line="75" />
      <source>Enter the organisation's name.</source>
      <translation>请输入机构名称。</translation>
    </message>
    <message>
      <location filename="../../models/organisation.py" line="78" />
      <source>The organisation code must be 2 to 12 letters A–Z or digits (it is printed in every QR code).</source>
      <translation>机构代码须为 2 至 12 位字母（A–Z）或数字（会写入每个二维码）。</translation>
    </message>
    <message>
      <location filename="../../models/organisation.py" line="99" />
      <source>The matching rate must be between ¥0 and ¥100,000 per hour.</source>
      <translation>配捐标准须在每小时 ¥0 至 ¥100,000 之间。</translation>
    </message>
    <message>
      <location filename="../../models/organisation.py" line="114" />
      <source>This database already belongs to an organisation.</source>
      <translation>此数据库已属于某个机构。</translation>
    </message>
    <message>
      <location filename="../../models/organisation.py" line="166" />
      <source>The organisation has not been set up yet.</source>
      <translation>尚未设置机构信息。</translation>
    </message>
    <message>
      <location filename="../../models/organisation.py" line="246" />
      <source>Give a reason for changing the keys.</source>
      <translation>请填写更换密钥的原因。</translation>
    </message>
    <message>
      <location filename="../../models/organisation.py" line="290" />
      <source>The PIN must be 4 to 8 digits.</source>
      <translation>PIN 码须为 4 至 8 位数字。</translation>
    </message>
    <message>
      <location filename="../../models/organisation.py" line="368" />
      <source>Store code “{code}” must be 1 to 6 letters A–Z or digits (e.g. S01).</source>
      <translation>门店代码“{code}”须为 1 至 6 位字母（A–Z）或数字（如 S01）。</translation>
    </message>
    <message>
      <location filename="../../models/organisation.py" line="371" />
      <source>Store {code} needs a name.</source>
      <translation>请为门店 {code} 填写名称。</translation>
    </message>
    <message>
      <location filename="../../models/organisation.py" line="373" />
      <source>Store code “{code}” is used twice.</source>
      <translation>门店代码“{code}”重复了。</translation>
    </message>
    <message>
      <location filename="../../models/photos.py" line="106" />
      <source>“{name}” is a {format} picture; use a JPEG or PNG photo.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/photos.py" line="196" />
      <source>“{name}” is larger than 40 MB.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/photos.py" line="88" />
      <source>“{name}” is too large a picture (too many pixels).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/photos.py" line="101" />
      <source>“{name}” is not a picture Partner Desk can read. Use a JPEG or PNG photo.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/photos.py" line="177" />
      <source>The photo could not be saved in the photos folder: {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/photos.py" line="93" />
      <source>“{name}” is a HEIC photo, which Partner Desk cannot read. Save it as JPEG (on an iPhone: Settings → Camera → Formats → Most Compatible) and try again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/receipt.py" line="111" />
      <source>Donation batch {id} was not found.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/scan_meaning.py" line="117" />
      <source>Item {code}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/scan_meaning.py" line="156" />
      <source>Volunteer badge of {name}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/scan_meaning.py" line="188" />
      <source>“{text}” is not a Partner Desk code or a registered volunteer id.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/scan_meaning.py" line="62" />
      <source>The code could not be read. Please scan it again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/scan_meaning.py" line="82" />
      <source>This badge code is not valid (damaged or not issued by us).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/scan_meaning.py" line="113" />
      <source>No item has the code {code}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/scan_meaning.py" line="130" />
      <source>This badge is for a volunteer who is not in this database ({code}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/scan_meaning.py" line="141" />
      <source>This badge of {name} has been replaced by a newer one and no longer works.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/scan_meaning.py" line="180" />
      <source>Programme volunteer {name}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/scan_meaning.py" line="69" />
      <source>This item label belongs to another organisation ({org}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/scan_meaning.py" line="77" />
      <source>This item label is damaged or incomplete.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/scan_meaning.py" line="89" />
      <source>This badge belongs to another organisation ({org}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/spreadsheet.py" line="142" />
      <source>{path} could not be written: {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/spreadsheet.py" line="396" />
      <source>Choose a file name ending in .csv or .xlsx: {path}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/spreadsheet.py" line="131" />
      <source>{path} could not be written: it may be open in Excel or WPS, or the folder is read-only. Close the file and try again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/spreadsheet.py" line="138" />
      <source>{path} is a folder, not a file name.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/spreadsheet.py" line="140" />
      <source>The folder for {path} does not exist.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/spreadsheet.py" line="355" />
      <source>Too many rows for one Excel sheet (at most {limit}). Export to CSV instead, or choose a shorter period.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../desktop/cli.py" line="299" />
      <source>--{name} must be at least 1.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../desktop/cli.py" line="180" />
      <source>This database already holds data; demo data only goes into an empty database (choose another file with --db).</source>
      <translation>此数据库中已有数据；示例数据只能写入空数据库（请用 --db 选择另一个文件）。</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" line="274" />
      <source>Only SQLite database files can be backed up here; use the server's tools.</source>
      <translation>这里只能备份 SQLite 数据库文件；服务器上的数据库请用服务器自带的工具备份。</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" line="305" />
      <source>Every item already has a label; name the codes to print again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../desktop/instance_lock.py" line="29" />
      <source>Partner Desk is already open with this database (process {pid} on {host}). Switch to that window, or close it first.</source>
      <translation>伙伴工作台已经打开了这个数据库（{host} 上的进程 {pid}）。请切换到那个窗口，或先将其关闭。</translation>
    </message>
    <message>
      <location filename="../../desktop/intake/line_entry.py" line="110" />
      <source>“{text}” is not one of the categories.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../desktop/intake/line_entry.py" line="109" />
      <source>Choose a category for the item.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../desktop/intake/line_entry.py" line="118" />
      <source>The estimated value cannot be negative.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../desktop/intake/line_entry.py" line="120" />
      <source>The estimated value is more than ¥1,000,000; check the amount.</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
