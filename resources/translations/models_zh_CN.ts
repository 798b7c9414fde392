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
      <location filename="../../models/demo.py" line="577" />
      <source>--{name} cannot be negative.</source>
      <translation>--{name} 不能为负数。</translation>
    </message>
    <message>
      <location filename="../../models/demo.py" line="684" />
      <source>Add at least one store or site.</source>
      <translation>请至少添加一个门店或站点。</translation>
    </message>
    <message>
      <location filename="../../models/demo.py" line="1044" />
      <source>Too many items for store {store} in {year}; ask for fewer demo items.</source>
      <translation>门店 {store} 在 {year} 年的物品过多，请减少示例物品数量。</translation>
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
      <location filename="../../models/organisation.py" line="103" />
      <source>Unknown time zone “{zone}”.</source>
      <translation>未知时区“{zone}”。</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" line="169" />
      <source>This database already holds data; demo data only goes into an empty database (choose another file with --db).</source>
      <translation>此数据库中已有数据；示例数据只能写入空数据库（请用 --db 选择另一个文件）。</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" line="263" />
      <source>Only SQLite database files can be backed up here; use the server's tools.</source>
      <translation>这里只能备份 SQLite 数据库文件；服务器上的数据库请用服务器自带的工具备份。</translation>
    </message>
    <message>
      <location filename="../../desktop/instance_lock.py" line="29" />
      <source>Partner Desk is already open with this database (process {pid} on {host}). Switch to that window, or close it first.</source>
      <translation>伙伴工作台已经打开了这个数据库（{host} 上的进程 {pid}）。请切换到那个窗口，或先将其关闭。</translation>
    </message>
  </context>
</TS>
