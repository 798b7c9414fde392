<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>models</name>
    <message>
      <location filename="../../models/backup.py" line="43" />
      <source>There is no database file at {path}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/backup.py" line="71" />
      <source>The backup could not be written to {path}: {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/backup.py" line="116" />
      <source>{path} cannot be opened: {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/backup.py" line="68" />
      <source>The disk is full: the backup was not written. Free some space and try again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/backup.py" line="121" />
      <source>The backup {path} is damaged.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/backup.py" line="129" />
      <source>{path} is not a Partner Desk backup ({reason}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/db.py" line="158" />
      <source>The database is busy: another program or desk is writing to it. Wait a moment and try again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/db.py" line="165" />
      <source>The database cannot be written. Check that the file and its folder are not read-only and that the drive is connected.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/db.py" line="171" />
      <source>The disk is full. Free some space and try again; nothing was saved.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/db.py" line="174" />
      <source>The database file is damaged. Restore it from a backup (File → Restore).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/migrate.py" line="111" />
      <source>This database was written by a newer version of Partner Desk (schema {revision}). Install the newer version to open it; the file was not changed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/migrate.py" line="120" />
      <source>This file is a database, but not a Partner Desk one. Choose another file; it was not changed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/migrate.py" line="95" />
      <source>The database has broken links between records ({count}). Restore it from a backup (File → Restore).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/money.py" line="25" />
      <source>“{text}” is not an amount of money.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/money.py" line="28" />
      <source>Amounts have at most two decimal places (fen).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/organisation.py" line="74" />
      <source>Enter the organisation's name.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/organisation.py" line="77" />
      <source>The organisation code must be 2 to 12 letters A–Z or digits (it is printed in every QR code).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/organisation.py" line="83" />
      <source>Add at least one store or site.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/organisation.py" line="98" />
      <source>The matching rate must be between ¥0 and ¥100,000 per hour.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/organisation.py" line="113" />
      <source>This database already belongs to an organisation.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/organisation.py" line="165" />
      <source>The organisation has not been set up yet.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/organisation.py" line="245" />
      <source>Give a reason for changing the keys.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/organisation.py" line="287" />
      <source>The PIN must be 4 to 8 digits.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/organisation.py" line="360" />
      <source>Store code “{code}” must be 1 to 6 letters A–Z or digits (e.g. S01).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/organisation.py" line="363" />
      <source>Store {code} needs a name.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/organisation.py" line="365" />
      <source>Store code “{code}” is used twice.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../models/organisation.py" line="102" />
      <source>Unknown time zone “{zone}”.</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
