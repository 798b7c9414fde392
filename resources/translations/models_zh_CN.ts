<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>models</name>
    <message>
      <location filename="../../models/activities.py" line="81" />
      <source>This activity is already open.</source>
      <translation>此活动已在进行中。</translation>
    </message>
    <message>
      <location filename="../../models/activities.py" line="82" />
      <source>This activity is closed; reopen it with a reason instead of opening it.</source>
      <translation>此活动已结束；请填写原因后重新开放，而不是直接开放签到。</translation>
    </message>
    <message>
      <location filename="../../models/activities.py" line="85" />
      <source>This activity is exported and can no longer be opened.</source>
      <translation>此活动已导出，不能再开放签到。</translation>
    </message>
    <message>
      <location filename="../../models/activities.py" line="86" />
      <source>This activity is still a draft; only an open activity can be closed.</source>
      <translation>此活动仍是草稿；只有进行中的活动才能结束。</translation>
    </message>
    <message>
      <location filename="../../models/activities.py" line="89" />
      <source>This activity is already closed.</source>
      <translation>此活动已经结束。</translation>
    </message>
    <message>
      <location filename="../../models/activities.py" line="90" />
      <source>This activity is exported; it was closed before it was exported.</source>
      <translation>此活动已导出；它在导出前就已结束。</translation>
    </message>
    <message>
      <location filename="../../models/activities.py" line="93" />
      <source>This activity is still a draft; open it instead of reopening it.</source>
      <translation>此活动仍是草稿；请直接开放签到，无需重新开放。</translation>
    </message>
    <message>
      <location filename="../../models/activities.py" line="97" />
      <source>This activity is exported; an exported activity cannot be reopened.</source>
      <translation>此活动已导出；已导出的活动不能重新开放。</translation>
    </message>
    <message>
      <location filename="../../models/activities.py" line="100" />
      <source>“{title}” is still a draft; only a closed activity can be marked exported.</source>
      <translation>“{title}”仍是草稿；只有已结束的活动才能标记为已导出。</translation>
    </message>
    <message>
      <location filename="../../models/activities.py" line="103" />
      <source>“{title}” is open; close it before marking it exported.</source>
      <translation>“{title}”正在进行中；请先结束活动，再标记为已导出。</translation>
    </message>
    <message>
      <location filename="../../models/activities.py" line="104" />
      <source>“{title}” is already exported.</source>
      <translation>“{title}”已经导出。</translation>
    </message>
    <message>
      <location filename="../../models/activities.py" line="108" />
      <source>This activity is closed; reopen it with a reason to edit it.</source>
      <translation>此活动已结束；如需修改，请填写原因并重新开放。</translation>
    </message>
    <message>
      <location filename="../../models/activities.py" line="109" />
      <source>This activity is exported; it can no longer be edited.</source>
      <translation>此活动已导出，不能再修改。</translation>
    </message>
    <message>
      <location filename="../../models/activities.py" line="248" />
      <source>A place has at most {limit} characters.</source>
      <translation>地点不能超过 {limit} 个字符。</translation>
    </message>
    <message>
      <location filename="../../models/activities.py" line="250" />
      <source>A programme tag has at most {limit} characters.</source>
      <translation>项目标签不能超过 {limit} 个字符。</translation>
    </message>
    <message>
      <location filename="../../models/activities.py" line="239" />
      <source>Enter a title for the activity.</source>
      <translation>请输入活动名称。</translation>
    </message>
    <message>
      <location filename="../../models/activities.py" line="241" />
      <source>A title has at most {limit} characters.</source>
      <translation>活动名称不能超过 {limit} 个字符。</translation>
    </message>
    <message>
      <location filename="../../models/activities.py" line="244" />
      <source>An activity type has at most {limit} characters.</source>
      <translation>活动类型不能超过 {limit} 个字符。</translation>
    </message>
    <message>
      <location filename="../../models/activities.py" line="247" />
      <source>A description has at most {limit} characters.</source>
      <translation>说明不能超过 {limit} 个字符。</translation>
    </message>
    <message>
      <location filename="../../models/activities.py" line="258" />
      <source>The activity must end after it starts (from {start} to {end}).</source>
      <translation>活动的结束时间必须晚于开始时间（当前为 {start} 至 {end}）。</translation>
    </message>
    <message>
      <location filename="../../models/activities.py" line="267" />
      <source>Capacity must be between {low} and {high} people, or left empty for no limit.</source>
      <translation>人数上限须在 {low} 至 {high} 人之间，或留空表示不限。</translation>
    </message>
    <message>
      <location filename="../../models/activities.py" line="274" />
      <source>Scheduled hours cannot be negative.</source>
      <translation>计划时长不能为负数。</translation>
    </message>
    <message>
      <location filename="../../models/activities.py" line="277" />
      <source>Scheduled hours ({scheduled} minutes) cannot be longer than the activity itself ({window} minutes).</source>
      <translation>计划时长（{scheduled} 分钟）不能超过活动本身的时长（{window} 分钟）。</translation>
    </message>
    <message>
      <location filename="../../models/activities.py" line="286" />
      <source>The chosen store no longer exists; choose another.</source>
      <translation>所选门店已不存在，请选择其他门店。</translation>
    </message>
    <message>
      <location filename="../../models/activities.py" line="306" />
      <source>Give a reason for reopening the activity.</source>
      <translation>请填写重新开放活动的原因。</translation>
    </message>
    <message>
      <location filename="../../models/activities.py" line="308" />
      <source>The reason has at most {limit} characters.</source>
      <translation>原因最多 {limit} 个字。</translation>
    </message>
    <message>
      <location filename="../../models/activities.py" line="315" />
      <source>This activity no longer exists; it may have been deleted.</source>
      <translation>此活动已不存在，可能已被删除。</translation>
    </message>
    <message>
      <location filename="../../models/activities.py" line="426" />
      <source>Only a draft activity can be deleted; this one is {state}.</source>
      <translation>只有草稿状态的活动可以删除；此活动当前状态为“{state}”。</translation>
    </message>
    <message>
      <location filename="../../models/activities.py" line="442" />
      <source>This draft already has registrations, scans or hours, so it cannot be deleted.</source>
      <translation>此草稿已有报名、扫码或时长记录，不能删除。</translation>
    </message>
    <message>
      <location filename="../../models/activities.py" line="491" />
      <source>{count} volunteer(s) are still checked in. Resolve their check-outs before closing the activity.</source>
      <translation>仍有 {count} 位志愿者未签退。请先处理他们的签退，再结束活动。</translation>
    </message>
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
      <location filename="../../models/badge_pdf.py" line="429" />
      <source>There are no badges to print.</source>
      <translation>没有可打印的胸卡。</translation>
    </message>
    <message>
      <location filename="../../models/badges.py" line="93" />
      <source>Set up the organisation first.</source>
      <translation>请先设置机构信息。</translation>
    </message>
    <message>
      <location filename="../../models/badges.py" line="106" />
      <source>This volunteer is no longer in the database. Refresh the list and try again.</source>
      <translation>这位志愿者已不在数据库中。请刷新列表后重试。</translation>
    </message>
    <message>
      <location filename="../../models/badges.py" line="114" />
      <source>Enter the name of the staff member.</source>
      <translation>请输入工作人员姓名。</translation>
    </message>
    <message>
      <location filename="../../models/badges.py" line="121" />
      <source>Give a reason for replacing or retiring the badge.</source>
      <translation>请填写补发或停用胸卡的原因。</translation>
    </message>
    <message>
      <location filename="../../models/badges.py" line="135" />
      <source>{volunteer} was merged into {other}: issue and print badges for that record instead.</source>
      <translation>{volunteer} 已合并到 {other}：请为该记录发放和打印胸卡。</translation>
    </message>
    <message>
      <location filename="../../models/badges.py" line="144" />
      <source>{volunteer} is inactive: reactivate the record before issuing or printing a badge.</source>
      <translation>{volunteer} 已停用：请先恢复该记录，再发放或打印胸卡。</translation>
    </message>
    <message>
      <location filename="../../models/badges.py" line="151" />
      <source>The volunteer code {code} cannot go on a badge: it may only hold capital letters and digits, at most 16.</source>
      <translation>志愿者编号 {code} 无法印在胸卡上：只能包含大写字母和数字，最多 16 位。</translation>
    </message>
    <message>
      <location filename="../../models/badges.py" line="270" />
      <source>{volunteer} already has a badge (number {seq}). To give them a new one, reissue it: the old badge then stops working.</source>
      <translation>{volunteer} 已有胸卡（第 {seq} 张）。如需新胸卡，请补发：旧胸卡随即失效。</translation>
    </message>
    <message>
      <location filename="../../models/badges.py" line="297" />
      <source>{volunteer} has no badge to replace: issue a new one instead.</source>
      <translation>{volunteer} 没有可替换的胸卡：请直接发放新胸卡。</translation>
    </message>
    <message>
      <location filename="../../models/badges.py" line="330" />
      <source>{volunteer} has no badge in use to retire.</source>
      <translation>{volunteer} 没有正在使用的胸卡可停用。</translation>
    </message>
    <message>
      <location filename="../../models/badges.py" line="426" />
      <source>{count} of the chosen volunteers have no badge yet: {names}. Issue their badges first.</source>
      <translation>所选志愿者中有 {count} 位还没有胸卡：{names}。请先为他们发放胸卡。</translation>
    </message>
    <message>
      <location filename="../../models/badges.py" line="167" />
      <source>{volunteer} has had too many badges; give the record a new code.</source>
      <translation>{volunteer} 补发胸卡次数过多，请为该记录分配新编号。</translation>
    </message>
    <message>
      <location filename="../../models/badges.py" line="214" />
      <source>The badge was changed at another desk at the same moment. Please try again.</source>
      <translation>这张胸卡刚刚在另一台工作台上被修改，请重试。</translation>
    </message>
    <message>
      <location filename="../../models/badges.py" line="413" />
      <source>Some of the chosen volunteers are no longer in the database. Refresh the list and try again.</source>
      <translation>所选志愿者中有人已不在数据库中。请刷新列表后重试。</translation>
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
      <location filename="../../models/demo/__init__.py" line="98" />
      <source>--{name} cannot be negative.</source>
      <translation>--{name} 不能为负数。</translation>
    </message>
    <message>
      <location filename="../../models/demo/generator.py" line="145" />
      <source>Add at least one store or site.</source>
      <translation>请至少添加一个门店或站点。</translation>
    </message>
    <message>
      <location filename="../../models/demo/generator.py" line="147" />
      <source>There is no active item category to file demo items under.</source>
      <translation>没有可用的物品类别来存放示例物品。</translation>
    </message>
    <message>
      <location filename="../../models/demo/inventory.py" line="258" />
      <source>Too many items for store {store} in {year}; ask for fewer demo items.</source>
      <translation>门店 {store} 在 {year} 年的物品过多，请减少示例物品数量。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="152" />
      <source>“{name}” is not a readable Excel workbook (.xlsx): it may be damaged or in another format. Open it in Excel or WPS and save it again as .xlsx or CSV.</source>
      <translation>“{name}”不是可读取的 Excel 工作簿（.xlsx），可能已损坏或是其他格式。请用 Excel 或 WPS 打开它，重新另存为 .xlsx 或 CSV 文件。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="222" />
      <source>“{name}” is not a text file in an encoding Partner Desk can read (UTF-8 or GBK). Save it from Excel or WPS as “CSV UTF-8” or as .xlsx.</source>
      <translation>伙伴工作台无法读取“{name}”的文字编码（只支持 UTF-8 或 GBK 编码的文本文件）。请在 Excel 或 WPS 中将其另存为“CSV UTF-8”或 .xlsx 格式。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="203" />
      <source>“{name}” is empty.</source>
      <translation>“{name}”是空文件，没有任何内容。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="296" />
      <source>“{name}” is larger than 100 MB.</source>
      <translation>“{name}”超过 100 MB，文件太大，无法读取。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="300" />
      <source>“{name}” is an old Excel file (.xls). Open it in Excel or WPS and save it as .xlsx or CSV.</source>
      <translation>“{name}”是旧版 Excel 文件（.xls）。请用 Excel 或 WPS 打开它，另存为 .xlsx 或 CSV 文件。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="579" />
      <source>Choose the column that holds the description of each item.</source>
      <translation>请选择填写物品描述的那一列。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="589" />
      <source>Choose the column that holds the category, or a category for all rows.</source>
      <translation>请选择填写类别的那一列，或为所有行统一选择一个类别。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="721" />
      <source>{count} problems in the file: correct them and check the file again.</source>
      <translation>文件中有 {count} 处问题，请改正后重新检查文件。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="726" />
      <source>The file has no rows of items.</source>
      <translation>文件中没有任何物品行。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="194" />
      <source>“{name}” has more than {limit} rows; split it into smaller files.</source>
      <translation>“{name}”超过 {limit} 行，请拆分成几个较小的文件。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="239" />
      <source>“{name}” is not a well-formed CSV file: {reason}</source>
      <translation>“{name}”不是格式正确的 CSV 文件：{reason}</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="254" />
      <source>Reading .xlsx files needs the openpyxl package.</source>
      <translation>读取 .xlsx 文件需要 openpyxl 组件，但本机未安装。请联系技术支持，或改用 CSV 文件。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="291" />
      <source>“{name}” cannot be read: {reason}</source>
      <translation>无法读取“{name}”：{reason}</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="449" />
      <source>Unknown category “{value}”.</source>
      <translation>没有“{value}”这个类别。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="451" />
      <source>The category “{value}” is no longer in use.</source>
      <translation>类别“{value}”已停用。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="497" />
      <source>The description is empty.</source>
      <translation>未填写描述。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="576" />
      <source>The file has no column “{column}”.</source>
      <translation>文件中没有“{column}”这一列。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="585" />
      <source>Choose a category in use for rows that have none.</source>
      <translation>请为未填写类别的行选择一个正在使用的类别。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="737" />
      <source>The categories changed since the file was checked: check it again.</source>
      <translation>检查文件之后类别设置有了变动，请重新检查文件。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="441" />
      <source>The category “{value}” exists in several groups; write it as “group › category”.</source>
      <translation>多个大类下都有类别“{value}”，请写成“大类 › 类别”的形式。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="448" />
      <source>“{value}” is a group of categories; choose one of its categories.</source>
      <translation>“{value}”是一个大类，请选择其下的具体类别。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="499" />
      <source>The description is longer than 300 characters.</source>
      <translation>描述超过 300 个字符。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="508" />
      <source>The category is empty.</source>
      <translation>未填写类别。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="516" />
      <source>Unknown grade “{value}”: use A, B, C or X (不可售).</source>
      <translation>无法识别成色“{value}”：请填写 A、B、C 或 X（不可售）。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="519" />
      <source>The grade is empty: use A, B, C or X (不可售).</source>
      <translation>未填写成色：请填写 A、B、C 或 X（不可售）。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="526" />
      <source>The quantity “{value}” is not a whole number.</source>
      <translation>数量“{value}”不是整数。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="528" />
      <source>The quantity must be at least 1, not {value}.</source>
      <translation>数量至少为 1，不能是 {value}。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="543" />
      <source>The value “{value}” is not an amount of money.</source>
      <translation>估值“{value}”不是有效的金额。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="548" />
      <source>The value must not be negative ({value}).</source>
      <translation>估值不能为负数（{value}）。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="532" />
      <source>The quantity {value} is more than 10,000: split the line or check it.</source>
      <translation>数量 {value} 超过 10,000：请拆分成多行，或核对是否填错。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="553" />
      <source>The value {value} is more than ¥1,000,000 for one item.</source>
      <translation>单件估值 {value} 超过 ¥1,000,000。</translation>
    </message>
    <message>
      <location filename="../../models/files.py" line="31" />
      <source>Could not write {path}: {reason}</source>
      <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
      <location filename="../../models/files.py" line="27" />
      <source>The disk is full: {path} was not written. Free some space and try again.</source>
      <translation>磁盘已满，{path} 未写入。请释放一些空间后重试。</translation>
    </message>
    <message>
      <location filename="../../models/intake.py" line="199" />
      <source>“{phone}” is not a phone number: enter an 11-digit mobile number or a landline such as 021-62345678.</source>
      <translation>“{phone}”不是有效的电话号码：请输入 11 位手机号码，或固定电话号码（如 021-62345678）。</translation>
    </message>
    <message>
      <location filename="../../models/intake.py" line="91" />
      <source>A staff name has at most 100 characters.</source>
      <translation>工作人员姓名不能超过 100 个字符。</translation>
    </message>
    <message>
      <location filename="../../models/intake.py" line="106" />
      <source>Choose the store that received the donation.</source>
      <translation>请选择接收这批捐赠的门店。</translation>
    </message>
    <message>
      <location filename="../../models/intake.py" line="108" />
      <source>Store {store} is closed; choose another store.</source>
      <translation>门店 {store} 已关闭，请选择其他门店。</translation>
    </message>
    <message>
      <location filename="../../models/intake.py" line="117" />
      <source>The chosen donor no longer exists; choose the donor again.</source>
      <translation>所选捐赠人已不存在，请重新选择捐赠人。</translation>
    </message>
    <message>
      <location filename="../../models/intake.py" line="125" />
      <source>The date received ({date}) is in the future.</source>
      <translation>接收日期（{date}）晚于今天，请检查。</translation>
    </message>
    <message>
      <location filename="../../models/intake.py" line="129" />
      <source>The date received ({date}) is too far in the past.</source>
      <translation>接收日期（{date}）过早，请检查是否填错。</translation>
    </message>
    <message>
      <location filename="../../models/intake.py" line="193" />
      <source>“{phone}” is not a mobile number: it should be 11 digits starting with 13–19.</source>
      <translation>“{phone}”不是有效的手机号码：手机号码应为 11 位数字，以 13–19 开头。</translation>
    </message>
    <message>
      <location filename="../../models/intake.py" line="292" />
      <source>An anonymous donation has no donor record: save the donation without a donor.</source>
      <translation>匿名捐赠不建立捐赠人记录：保存捐赠时不选捐赠人即可。</translation>
    </message>
    <message>
      <location filename="../../models/intake.py" line="295" />
      <source>Choose whether the donor is a person or a company.</source>
      <translation>请选择捐赠人是个人还是企业。</translation>
    </message>
    <message>
      <location filename="../../models/intake.py" line="298" />
      <source>Enter the donor's name.</source>
      <translation>请输入捐赠人的姓名或名称。</translation>
    </message>
    <message>
      <location filename="../../models/intake.py" line="300" />
      <source>The donor's name has at most 200 characters.</source>
      <translation>捐赠人的姓名或名称不能超过 200 个字符。</translation>
    </message>
    <message>
      <location filename="../../models/intake.py" line="304" />
      <source>“{email}” is not an email address.</source>
      <translation>“{email}”不是有效的电子邮箱地址。</translation>
    </message>
    <message>
      <location filename="../../models/intake.py" line="307" />
      <source>The address has at most 300 characters.</source>
      <translation>地址不能超过 300 个字符。</translation>
    </message>
    <message>
      <location filename="../../models/intake.py" line="411" />
      <source>Item codes can only be made for the years 2000 to 2099.</source>
      <translation>只能为 2000 至 2099 年的捐赠生成物品编码。</translation>
    </message>
    <message>
      <location filename="../../models/intake.py" line="492" />
      <source>Line {line}: choose a category.</source>
      <translation>第 {line} 行：请选择类别。</translation>
    </message>
    <message>
      <location filename="../../models/intake.py" line="495" />
      <source>Line {line}: “{category}” is a group; choose one of its categories.</source>
      <translation>第 {line} 行：“{category}”是大类，请选择其下的具体类别。</translation>
    </message>
    <message>
      <location filename="../../models/intake.py" line="501" />
      <source>Line {line}: the category “{category}” is no longer in use; choose another.</source>
      <translation>第 {line} 行：类别“{category}”已停用，请选择其他类别。</translation>
    </message>
    <message>
      <location filename="../../models/intake.py" line="514" />
      <source>Line {line}: the description has more than 300 characters.</source>
      <translation>第 {line} 行：描述超过 300 个字符。</translation>
    </message>
    <message>
      <location filename="../../models/intake.py" line="518" />
      <source>Line {line}: the quantity must be a whole number from 1 to 10,000.</source>
      <translation>第 {line} 行：数量须为 1 至 10,000 之间的整数。</translation>
    </message>
    <message>
      <location filename="../../models/intake.py" line="522" />
      <source>Line {line}: the estimated value must be between ¥0 and ¥1,000,000.</source>
      <translation>第 {line} 行：估值须在 ¥0 至 ¥1,000,000 之间。</translation>
    </message>
    <message>
      <location filename="../../models/intake.py" line="541" />
      <source>Add at least one item to the donation.</source>
      <translation>请为这批捐赠至少添加一件物品。</translation>
    </message>
    <message>
      <location filename="../../models/intake.py" line="185" />
      <source>“{phone}” is not a mainland China phone number.</source>
      <translation>“{phone}”不是中国大陆的电话号码。</translation>
    </message>
    <message>
      <location filename="../../models/intake.py" line="314" />
      <source>The phone number {phone} already belongs to donor “{name}”.</source>
      <translation>电话号码 {phone} 已登记在捐赠人“{name}”名下。</translation>
    </message>
    <message>
      <location filename="../../models/intake.py" line="531" />
      <source>Choose how the donation arrived.</source>
      <translation>请选择捐赠方式。</translation>
    </message>
    <message>
      <location filename="../../models/intake.py" line="510" />
      <source>Line {line}: choose a grade (A, B, C or X).</source>
      <translation>第 {line} 行：请选择成色（A、B、C 或 X）。</translation>
    </message>
    <message>
      <location filename="../../models/intake_stats.py" line="286" />
      <source>The start date is after the end date.</source>
      <translation>开始日期晚于结束日期。</translation>
    </message>
    <message>
      <location filename="../../models/intake_stats.py" line="113" />
      <source>Unknown time zone “{zone}”.</source>
      <translation>未知时区“{zone}”。</translation>
    </message>
    <message>
      <location filename="../../models/intake_stats.py" line="284" />
      <source>Choose dates between 1900 and 9998.</source>
      <translation>请选择 1900 年至 9998 年之间的日期。</translation>
    </message>
    <message>
      <location filename="../../models/items.py" line="223" />
      <source>Item {code} has been sold; nothing more can be recorded for it.</source>
      <translation>物品 {code} 已售出，不能再为它登记任何操作。</translation>
    </message>
    <message>
      <location filename="../../models/items.py" line="224" />
      <source>Item {code} has been passed on; nothing more can be recorded for it.</source>
      <translation>物品 {code} 已转赠，不能再为它登记任何操作。</translation>
    </message>
    <message>
      <location filename="../../models/items.py" line="227" />
      <source>Item {code} has been recycled; nothing more can be recorded for it.</source>
      <translation>物品 {code} 已回收，不能再为它登记任何操作。</translation>
    </message>
    <message>
      <location filename="../../models/items.py" line="228" />
      <source>Item {code} has been discarded; nothing more can be recorded for it.</source>
      <translation>物品 {code} 已报废，不能再为它登记任何操作。</translation>
    </message>
    <message>
      <location filename="../../models/items.py" line="259" />
      <source>Item {code} ({status}) cannot take the event “{event}”.</source>
      <translation>物品 {code}（当前状态：{status}）不能进行“{event}”操作。</translation>
    </message>
    <message>
      <location filename="../../models/items.py" line="319" />
      <source>The recipient's name has at most {limit} characters.</source>
      <translation>接收方名称不能超过 {limit} 个字符。</translation>
    </message>
    <message>
      <location filename="../../models/items.py" line="321" />
      <source>A note has at most {limit} characters.</source>
      <translation>备注不能超过 {limit} 个字符。</translation>
    </message>
    <message>
      <location filename="../../models/items.py" line="243" />
      <source>Item {code} was received at intake; it cannot be received again.</source>
      <translation>物品 {code} 已在捐赠登记时接收，不能重复接收。</translation>
    </message>
    <message>
      <location filename="../../models/items.py" line="247" />
      <source>Item {code} is not on the shelf yet; shelve it before recording a sale.</source>
      <translation>物品 {code} 尚未上架，请先登记上架，再登记售出。</translation>
    </message>
    <message>
      <location filename="../../models/items.py" line="251" />
      <source>Item {code} has already been sorted.</source>
      <translation>物品 {code} 已经分拣过了。</translation>
    </message>
    <message>
      <location filename="../../models/items.py" line="254" />
      <source>Item {code} is already on the shelf; it cannot go back to sorting.</source>
      <translation>物品 {code} 已上架，不能退回分拣。</translation>
    </message>
    <message>
      <location filename="../../models/items.py" line="257" />
      <source>Item {code} is already on the shelf.</source>
      <translation>物品 {code} 已经上架。</translation>
    </message>
    <message>
      <location filename="../../models/items.py" line="292" />
      <source>No item has the code “{code}”.</source>
      <translation>没有编码为“{code}”的物品。</translation>
    </message>
    <message>
      <location filename="../../models/items.py" line="306" />
      <source>Item {code} is recorded at store {store}, not at {here}; record its transfer first.</source>
      <translation>物品 {code} 登记在门店 {store}，不在 {here}；请先登记调拨。</translation>
    </message>
    <message>
      <location filename="../../models/items.py" line="329" />
      <source>Enter the price item {code} sold for (¥0.01 to ¥1,000,000).</source>
      <translation>请输入物品 {code} 的售价（¥0.01 至 ¥1,000,000）。</translation>
    </message>
    <message>
      <location filename="../../models/items.py" line="333" />
      <source>Enter who received item {code} (a person or an organisation).</source>
      <translation>请填写物品 {code} 转赠给了谁（个人或机构）。</translation>
    </message>
    <message>
      <location filename="../../models/items.py" line="336" />
      <source>Write the note for item {code}.</source>
      <translation>请填写物品 {code} 的备注。</translation>
    </message>
    <message>
      <location filename="../../models/items.py" line="341" />
      <source>Choose the store that item {code} goes to.</source>
      <translation>请选择物品 {code} 要调拨到的门店。</translation>
    </message>
    <message>
      <location filename="../../models/items.py" line="348" />
      <source>Item {code} is already at store {store}.</source>
      <translation>物品 {code} 已经在门店 {store}。</translation>
    </message>
    <message>
      <location filename="../../models/labels.py" line="269" />
      <source>There are no items to print labels for.</source>
      <translation>没有需要打印标签的物品。</translation>
    </message>
    <message>
      <location filename="../../models/labels.py" line="368" />
      <source>There is no item with the code {code}.</source>
      <translation>没有编码为 {code} 的物品。</translation>
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
      <location filename="../../models/photos.py" line="109" />
      <source>“{name}” is a {format} picture; use a JPEG or PNG photo.</source>
      <translation>“{name}”是 {format} 格式的图片，请使用 JPEG 或 PNG 格式的照片。</translation>
    </message>
    <message>
      <location filename="../../models/photos.py" line="201" />
      <source>“{name}” is larger than 40 MB.</source>
      <translation>“{name}”超过 40 MB，文件太大。</translation>
    </message>
    <message>
      <location filename="../../models/photos.py" line="91" />
      <source>“{name}” is too large a picture (too many pixels).</source>
      <translation>图片“{name}”的尺寸太大（像素过多）。</translation>
    </message>
    <message>
      <location filename="../../models/photos.py" line="104" />
      <source>“{name}” is not a picture Partner Desk can read. Use a JPEG or PNG photo.</source>
      <translation>伙伴工作台无法读取图片“{name}”。请使用 JPEG 或 PNG 格式的照片。</translation>
    </message>
    <message>
      <location filename="../../models/photos.py" line="182" />
      <source>The photo could not be saved in the photos folder: {reason}</source>
      <translation>无法将照片保存到照片文件夹：{reason}</translation>
    </message>
    <message>
      <location filename="../../models/photos.py" line="96" />
      <source>“{name}” is a HEIC photo, which Partner Desk cannot read. Save it as JPEG (on an iPhone: Settings → Camera → Formats → Most Compatible) and try again.</source>
      <translation>“{name}”是 HEIC 格式的照片，伙伴工作台无法读取。请将其保存为 JPEG 格式（iPhone 上可设置：设置 → 相机 → 格式 → 兼容性最佳）后重试。</translation>
    </message>
    <message>
      <location filename="../../models/receipt.py" line="111" />
      <source>Donation batch {id} was not found.</source>
      <translation>找不到这批捐赠的记录（{id}）。</translation>
    </message>
    <message>
      <location filename="../../models/scan_meaning.py" line="117" />
      <source>Item {code}</source>
      <translation>物品 {code}</translation>
    </message>
    <message>
      <location filename="../../models/scan_meaning.py" line="156" />
      <source>Volunteer badge of {name}</source>
      <translation>{name} 的志愿者胸卡</translation>
    </message>
    <message>
      <location filename="../../models/scan_meaning.py" line="190" />
      <source>“{text}” is not a Partner Desk code or a registered volunteer id.</source>
      <translation>“{text}”既不是伙伴工作台的编码，也不是已登记的志愿者编号。</translation>
    </message>
    <message>
      <location filename="../../models/scan_meaning.py" line="62" />
      <source>The code could not be read. Please scan it again.</source>
      <translation>无法识别这个码，请重新扫描。</translation>
    </message>
    <message>
      <location filename="../../models/scan_meaning.py" line="82" />
      <source>This badge code is not valid (damaged or not issued by us).</source>
      <translation>此胸卡码无效（已损坏，或不是本机构发放的）。</translation>
    </message>
    <message>
      <location filename="../../models/scan_meaning.py" line="113" />
      <source>No item has the code {code}.</source>
      <translation>没有编码为 {code} 的物品。</translation>
    </message>
    <message>
      <location filename="../../models/scan_meaning.py" line="130" />
      <source>This badge is for a volunteer who is not in this database ({code}).</source>
      <translation>此胸卡对应的志愿者（{code}）不在本数据库中。</translation>
    </message>
    <message>
      <location filename="../../models/scan_meaning.py" line="141" />
      <source>This badge of {name} has been replaced by a newer one and no longer works.</source>
      <translation>{name} 的这张胸卡已被新胸卡取代，不能再使用。</translation>
    </message>
    <message>
      <location filename="../../models/scan_meaning.py" line="182" />
      <source>Programme volunteer {name}</source>
      <translation>项目志愿者 {name}</translation>
    </message>
    <message>
      <location filename="../../models/scan_meaning.py" line="69" />
      <source>This item label belongs to another organisation ({org}).</source>
      <translation>此物品标签属于其他机构（{org}）。</translation>
    </message>
    <message>
      <location filename="../../models/scan_meaning.py" line="77" />
      <source>This item label is damaged or incomplete.</source>
      <translation>此物品标签已损坏或不完整。</translation>
    </message>
    <message>
      <location filename="../../models/scan_meaning.py" line="89" />
      <source>This badge belongs to another organisation ({org}).</source>
      <translation>此胸卡属于其他机构（{org}）。</translation>
    </message>
    <message>
      <location filename="../../models/spreadsheet.py" line="142" />
      <source>{path} could not be written: {reason}</source>
      <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
      <location filename="../../models/spreadsheet.py" line="396" />
      <source>Choose a file name ending in .csv or .xlsx: {path}</source>
      <translation>请选择以 .csv 或 .xlsx 结尾的文件名：{path}</translation>
    </message>
    <message>
      <location filename="../../models/spreadsheet.py" line="131" />
      <source>{path} could not be written: it may be open in Excel or WPS, or the folder is read-only. Close the file and try again.</source>
      <translation>无法写入 {path}：该文件可能正在 Excel 或 WPS 中打开，或所在文件夹为只读。请关闭该文件后重试。</translation>
    </message>
    <message>
      <location filename="../../models/spreadsheet.py" line="138" />
      <source>{path} is a folder, not a file name.</source>
      <translation>{path} 是文件夹，不是文件名。</translation>
    </message>
    <message>
      <location filename="../../models/spreadsheet.py" line="140" />
      <source>The folder for {path} does not exist.</source>
      <translation>{path} 所在的文件夹不存在。</translation>
    </message>
    <message>
      <location filename="../../models/spreadsheet.py" line="355" />
      <source>Too many rows for one Excel sheet (at most {limit}). Export to CSV instead, or choose a shorter period.</source>
      <translation>行数超出 Excel 工作表的上限（最多 {limit} 行）。请改为导出 CSV 文件，或选择较短的时间段。</translation>
    </message>
    <message>
      <location filename="../../models/volunteer_import.py" line="655" />
      <source>The registry changed since the file was checked: check the file again.</source>
      <translation>检查文件之后志愿者名册有了变动，请重新检查文件。</translation>
    </message>
    <message>
      <location filename="../../models/volunteer_import.py" line="207" />
      <source>Choose the column that holds each volunteer's name.</source>
      <translation>请选择填写志愿者姓名的那一列。</translation>
    </message>
    <message>
      <location filename="../../models/volunteer_import.py" line="282" />
      <source>The file has no rows of volunteers.</source>
      <translation>文件中没有任何志愿者行。</translation>
    </message>
    <message>
      <location filename="../../models/volunteer_import.py" line="421" />
      <source>Several records in the registry have the phone number {phone} ({volunteers}): merge them first.</source>
      <translation>志愿者名册中有多条记录的电话号码都是 {phone}（{volunteers}）：请先合并这些记录。</translation>
    </message>
    <message>
      <location filename="../../models/volunteer_import.py" line="433" />
      <source>Several records in the registry have the programme volunteer id {programme_id} ({volunteers}): merge them first.</source>
      <translation>志愿者名册中有多条记录的项目志愿者编号都是 {programme_id}（{volunteers}）：请先合并这些记录。</translation>
    </message>
    <message>
      <location filename="../../models/volunteer_import.py" line="447" />
      <source>The phone number {phone} belongs to {first} but the programme volunteer id {programme_id} to {second}: correct the row, or merge the two records first.</source>
      <translation>电话号码 {phone} 属于 {first}，但项目志愿者编号 {programme_id} 属于 {second}：请改正这一行，或先合并这两条记录。</translation>
    </message>
    <message>
      <location filename="../../models/volunteer_import.py" line="504" />
      <source>Row {row} is for the same volunteer ({volunteer}).</source>
      <translation>第 {row} 行是同一位志愿者（{volunteer}）。</translation>
    </message>
    <message>
      <location filename="../../models/volunteer_import.py" line="757" />
      <source>Say how the volunteers on the list gave their consent to keeping their data (for example: ticked on the sign-up form).</source>
      <translation>请说明名单上的志愿者是如何同意保存个人信息的（例如：在报名表上勾选了同意）。</translation>
    </message>
    <message>
      <location filename="../../models/volunteer_import.py" line="873" />
      <source>This activity is no longer in the database. Refresh the list and try again.</source>
      <translation>此活动已不在数据库中。请刷新列表后重试。</translation>
    </message>
    <message>
      <location filename="../../models/volunteer_import.py" line="877" />
      <source>“{activity}” is closed, so its roster cannot change. If it really must, reopen the activity first.</source>
      <translation>“{activity}”已结束，报名名单不能再更改。如确需更改，请先重新开放该活动。</translation>
    </message>
    <message>
      <location filename="../../models/volunteer_import.py" line="885" />
      <source>“{activity}” has been exported to the programme office, so its roster cannot change.</source>
      <translation>“{activity}”已导出给项目办，报名名单不能再更改。</translation>
    </message>
    <message>
      <location filename="../../models/volunteer_import.py" line="1009" />
      <source>Choose the column that holds the phone number or the programme volunteer id.</source>
      <translation>请选择填写电话号码或项目志愿者编号的那一列。</translation>
    </message>
    <message>
      <location filename="../../models/volunteer_import.py" line="202" />
      <source>The column “{column}” is chosen for two different fields.</source>
      <translation>“{column}”这一列被同时选作了两个不同的字段。</translation>
    </message>
    <message>
      <location filename="../../models/volunteer_import.py" line="467" />
      <source>The phone number {phone} belongs to {volunteer} in the registry, not to {name}: correct the row, or the registry first.</source>
      <translation>在志愿者名册中，电话号码 {phone} 属于 {volunteer}，而不是 {name}：请改正这一行，或先更正名册。</translation>
    </message>
    <message>
      <location filename="../../models/volunteer_import.py" line="479" />
      <source>The programme volunteer id {programme_id} belongs to {volunteer} in the registry, not to {name}: correct the row, or the registry first.</source>
      <translation>在志愿者名册中，项目志愿者编号 {programme_id} 属于 {volunteer}，而不是 {name}：请改正这一行，或先更正名册。</translation>
    </message>
    <message>
      <location filename="../../models/volunteer_import.py" line="929" />
      <source>The row has neither a phone number nor a programme volunteer id, so the volunteer cannot be matched with the registry.</source>
      <translation>这一行既没有电话号码，也没有项目志愿者编号，无法与志愿者名册中的记录对应。</translation>
    </message>
    <message>
      <location filename="../../models/volunteer_import.py" line="957" />
      <source>The programme volunteer id {programme_id} is already on this activity's roster, for {volunteer}.</source>
      <translation>项目志愿者编号 {programme_id} 已在此活动的报名名单上（{volunteer}）。</translation>
    </message>
    <message>
      <location filename="../../models/volunteer_import.py" line="300" />
      <source>The phone number {phone} is also on row {row}.</source>
      <translation>电话号码 {phone} 在第 {row} 行也出现了。</translation>
    </message>
    <message>
      <location filename="../../models/volunteer_import.py" line="311" />
      <source>The programme volunteer id {programme_id} is also on row {row}.</source>
      <translation>项目志愿者编号 {programme_id} 在第 {row} 行也出现了。</translation>
    </message>
    <message>
      <location filename="../../models/volunteer_import.py" line="945" />
      <source>{volunteer} is inactive in the registry: reactivate the record, or take the row out of the file.</source>
      <translation>{volunteer} 在志愿者名册中已停用：请恢复该记录，或将这一行从文件中删除。</translation>
    </message>
    <message>
      <location filename="../../models/volunteer_import.py" line="268" />
      <source>The name is empty.</source>
      <translation>姓名为空。</translation>
    </message>
    <message>
      <location filename="../../models/volunteers.py" line="363" />
      <source>The phone number {phone} already belongs to {volunteer}, whose record is inactive. If this is the same person, reactivate that record; if one person has two records, merge them.</source>
      <translation>电话号码 {phone} 已属于 {volunteer}，且该记录已停用。如果是同一个人，请恢复那条记录；如果同一个人有两条记录，请将其合并。</translation>
    </message>
    <message>
      <location filename="../../models/volunteers.py" line="375" />
      <source>The programme volunteer id {programme_id} already belongs to {volunteer}. If this is the same person, use that record; if one person has two records, merge them.</source>
      <translation>项目志愿者编号 {programme_id} 已属于 {volunteer}。如果是同一个人，请使用那条记录；如果同一个人有两条记录，请将其合并。</translation>
    </message>
    <message>
      <location filename="../../models/volunteers.py" line="414" />
      <source>{volunteer} was merged into {other}: use that record instead.</source>
      <translation>{volunteer} 已合并到 {other}：请改用该记录。</translation>
    </message>
    <message>
      <location filename="../../models/volunteers.py" line="769" />
      <source>Give a reason for deactivating the record.</source>
      <translation>请填写停用该记录的原因。</translation>
    </message>
    <message>
      <location filename="../../models/volunteers.py" line="795" />
      <source>Give a reason for reactivating the record.</source>
      <translation>请填写恢复该记录的原因。</translation>
    </message>
    <message>
      <location filename="../../models/volunteers.py" line="930" />
      <source>Give a reason for merging the two records.</source>
      <translation>请填写合并这两条记录的原因。</translation>
    </message>
    <message>
      <location filename="../../models/volunteers.py" line="227" />
      <source>Enter the volunteer's name.</source>
      <translation>请输入志愿者姓名。</translation>
    </message>
    <message>
      <location filename="../../models/volunteers.py" line="229" />
      <source>A name has at most {limit} characters.</source>
      <translation>姓名不能超过 {limit} 个字符。</translation>
    </message>
    <message>
      <location filename="../../models/volunteers.py" line="240" />
      <source>A programme volunteer id has at most {limit} characters.</source>
      <translation>项目志愿者编号不能超过 {limit} 个字符。</translation>
    </message>
    <message>
      <location filename="../../models/volunteers.py" line="250" />
      <source>An employee number has at most {limit} characters.</source>
      <translation>工号不能超过 {limit} 个字符。</translation>
    </message>
    <message>
      <location filename="../../models/volunteers.py" line="258" />
      <source>An employer has at most {limit} characters.</source>
      <translation>单位不能超过 {limit} 个字符。</translation>
    </message>
    <message>
      <location filename="../../models/volunteers.py" line="266" />
      <source>Skills and notes have at most {limit} characters.</source>
      <translation>技能和备注不能超过 {limit} 个字符。</translation>
    </message>
    <message>
      <location filename="../../models/volunteers.py" line="274" />
      <source>The note on consent has at most {limit} characters.</source>
      <translation>同意说明不能超过 {limit} 个字符。</translation>
    </message>
    <message>
      <location filename="../../models/volunteers.py" line="355" />
      <source>The phone number {phone} already belongs to {volunteer}. If this is the same person, use that record; if one person has two records, merge them.</source>
      <translation>电话号码 {phone} 已属于 {volunteer}。如果是同一个人，请使用那条记录；如果同一个人有两条记录，请将其合并。</translation>
    </message>
    <message>
      <location filename="../../models/volunteers.py" line="679" />
      <source>Record the volunteer's consent to keeping their data (and how it was given) before saving.</source>
      <translation>保存前，请记录该志愿者是否同意保存个人信息（以及同意的方式）。</translation>
    </message>
    <message>
      <location filename="../../models/volunteers.py" line="773" />
      <source>{volunteer} is already inactive.</source>
      <translation>{volunteer} 已经停用。</translation>
    </message>
    <message>
      <location filename="../../models/volunteers.py" line="799" />
      <source>{volunteer} is already active.</source>
      <translation>{volunteer} 已处于启用状态。</translation>
    </message>
    <message>
      <location filename="../../models/volunteers.py" line="877" />
      <source>At “{activity}” both records have attendance at the same time ({first} and {second}); both sessions were kept. One may be a double entry: check the hours.</source>
      <translation>在“{activity}”中，两条记录在同一时间都有签到（{first} 和 {second}）；两次签到均已保留。其中一次可能是重复录入，请核对服务时长。</translation>
    </message>
    <message>
      <location filename="../../models/volunteers.py" line="932" />
      <source>Choose two different records to merge.</source>
      <translation>请选择两条不同的记录进行合并。</translation>
    </message>
    <message>
      <location filename="../../models/volunteers.py" line="938" />
      <source>{volunteer} was already merged into {other}: merge into that record instead.</source>
      <translation>{volunteer} 已合并到 {other}：请改为合并到那条记录。</translation>
    </message>
    <message>
      <location filename="../../models/volunteers.py" line="945" />
      <source>{volunteer} was already merged into {other}.</source>
      <translation>{volunteer} 已合并到 {other}。</translation>
    </message>
    <message>
      <location filename="../../models/volunteers.py" line="951" />
      <source>{volunteer} is inactive: reactivate the record you keep before merging into it.</source>
      <translation>{volunteer} 已停用：请先恢复要保留的记录，再将其他记录合并进来。</translation>
    </message>
    <message>
      <location filename="../../models/volunteers.py" line="434" />
      <source>The registry was changed at another desk at the same moment. Please try again.</source>
      <translation>志愿者名册刚刚在另一台工作台上被修改，请重试。</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" line="316" />
      <source>--{name} must be at least 1.</source>
      <translation>--{name} 至少为 1。</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" line="197" />
      <source>This database already holds data; demo data only goes into an empty database (choose another file with --db).</source>
      <translation>此数据库中已有数据；示例数据只能写入空数据库（请用 --db 选择另一个文件）。</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" line="291" />
      <source>Only SQLite database files can be backed up here; use the server's tools.</source>
      <translation>这里只能备份 SQLite 数据库文件；服务器上的数据库请用服务器自带的工具备份。</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" line="322" />
      <source>Every item already has a label; name the codes to print again.</source>
      <translation>所有物品都已打印过标签；如需重新打印，请指定物品编码。</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" line="377" />
      <source>There is no volunteer with the code {code}.</source>
      <translation>没有编号为 {code} 的志愿者。</translation>
    </message>
    <message>
      <location filename="../../desktop/instance_lock.py" line="29" />
      <source>Partner Desk is already open with this database (process {pid} on {host}). Switch to that window, or close it first.</source>
      <translation>伙伴工作台已经打开了这个数据库（{host} 上的进程 {pid}）。请切换到那个窗口，或先将其关闭。</translation>
    </message>
    <message>
      <location filename="../../desktop/intake/line_entry.py" line="113" />
      <source>“{text}” is not one of the categories.</source>
      <translation>“{text}”不是已有的类别。</translation>
    </message>
    <message>
      <location filename="../../desktop/intake/line_entry.py" line="112" />
      <source>Choose a category for the item.</source>
      <translation>请为物品选择类别。</translation>
    </message>
    <message>
      <location filename="../../desktop/intake/line_entry.py" line="121" />
      <source>The estimated value cannot be negative.</source>
      <translation>估值不能为负数。</translation>
    </message>
    <message>
      <location filename="../../desktop/intake/line_entry.py" line="123" />
      <source>The estimated value is more than ¥1,000,000; check the amount.</source>
      <translation>估值超过 ¥1,000,000，请核对金额。</translation>
    </message>
  </context>
</TS>
