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
      <location filename="../../models/activities.py" line="495" />
      <source>{count} volunteer(s) are still checked in. Resolve their check-outs before closing the activity.</source>
      <translation>仍有 {count} 位志愿者未签退。请先处理他们的签退，再结束活动。</translation>
    </message>
    <message>
      <location filename="../../models/activity_report.py" line="174" />
      <source>Set up the organisation first.</source>
      <translation>请先设置机构信息。</translation>
    </message>
    <message>
      <location filename="../../models/anomalies.py" line="72" />
      <source>Still checked in since {start}; the activity has ended.</source>
      <translation>自 {start} 签到后一直未签退；活动已经结束。</translation>
    </message>
    <message>
      <location filename="../../models/anomalies.py" line="73" />
      <source>Closed automatically at {end}; check the check-out time.</source>
      <translation>已于 {end} 自动签退；请核对签退时间。</translation>
    </message>
    <message>
      <location filename="../../models/anomalies.py" line="74" />
      <source>The session lasted {minutes} minutes, longer than the cap of {cap} minutes.</source>
      <translation>本次服务持续 {minutes} 分钟，超过 {cap} 分钟的上限。</translation>
    </message>
    <message>
      <location filename="../../models/anomalies.py" line="77" />
      <source>At the same time the volunteer was also checked in at “{title}”.</source>
      <translation>该志愿者同一时间还在“{title}”签到。</translation>
    </message>
    <message>
      <location filename="../../models/anomalies.py" line="78" />
      <source>Scanned at {time}, outside the activity's time ({window}).</source>
      <translation>扫码时间为 {time}，不在活动时间（{window}）内。</translation>
    </message>
    <message>
      <location filename="../../models/anomalies.py" line="79" />
      <source>Device “{device}” scanned at {time} right after a scan at {previous}: its clock went back.</source>
      <translation>设备“{device}”在 {previous} 扫码后，紧接着的扫码时间却是 {time}：设备时钟被往回调了。</translation>
    </message>
    <message>
      <location filename="../../models/anomalies.py" line="482" />
      <source>Hours from this session are already approved; change them with a correction instead.</source>
      <translation>此次签到的时长已批准；如需修改，请添加更正。</translation>
    </message>
    <message>
      <location filename="../../models/anomalies.py" line="495" />
      <source>Choose which attendance to change.</source>
      <translation>请选择要修改的签到记录。</translation>
    </message>
    <message>
      <location filename="../../models/anomalies.py" line="498" />
      <source>This attendance no longer exists; refresh the list.</source>
      <translation>此签到记录已不存在，请刷新列表。</translation>
    </message>
    <message>
      <location filename="../../models/anomalies.py" line="522" />
      <source>This action does not apply to this item.</source>
      <translation>此操作不适用于该项。</translation>
    </message>
    <message>
      <location filename="../../models/anomalies.py" line="544" />
      <source>This volunteer has already been checked out; refresh the list.</source>
      <translation>该志愿者已签退，请刷新列表。</translation>
    </message>
    <message>
      <location filename="../../models/anomalies.py" line="551" />
      <source>Give a reason for changing the times.</source>
      <translation>请填写修改时间的原因。</translation>
    </message>
    <message>
      <location filename="../../models/anomalies.py" line="564" />
      <source>Give a reason for discarding this attendance.</source>
      <translation>请填写作废此签到记录的原因。</translation>
    </message>
    <message>
      <location filename="../../models/anomalies.py" line="554" />
      <source>Enter the check-out time.</source>
      <translation>请输入签退时间。</translation>
    </message>
    <message>
      <location filename="../../models/anomalies.py" line="557" />
      <source>The check-out must be after the check-in.</source>
      <translation>签退时间必须晚于签到时间。</translation>
    </message>
    <message>
      <location filename="../../models/anomalies.py" line="559" />
      <source>The check-out cannot be in the future.</source>
      <translation>签退时间不能晚于当前时间。</translation>
    </message>
    <message>
      <location filename="../../models/audit_view.py" line="33" />
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <location filename="../../models/audit_view.py" line="34" />
      <source>Staff</source>
      <translation>工作人员</translation>
    </message>
    <message>
      <location filename="../../models/audit_view.py" line="35" />
      <source>Action</source>
      <translation>操作</translation>
    </message>
    <message>
      <location filename="../../models/audit_view.py" line="36" />
      <source>Record</source>
      <translation>记录类型</translation>
    </message>
    <message>
      <location filename="../../models/audit_view.py" line="37" />
      <source>Record id</source>
      <translation>记录 ID</translation>
    </message>
    <message>
      <location filename="../../models/audit_view.py" line="38" />
      <source>Changes</source>
      <translation>变更内容</translation>
    </message>
    <message>
      <location filename="../../models/audit_view.py" line="39" />
      <source>Before</source>
      <translation>变更前</translation>
    </message>
    <message>
      <location filename="../../models/audit_view.py" line="40" />
      <source>After</source>
      <translation>变更后</translation>
    </message>
    <message>
      <location filename="../../models/audit_view.py" line="41" />
      <source>Reason</source>
      <translation>原因</translation>
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
      <location filename="../../models/backup.py" line="149" />
      <source>There is no backup file at {path}.</source>
      <translation>{path} 处没有备份文件。</translation>
    </message>
    <message>
      <location filename="../../models/backup.py" line="154" />
      <source>{path} cannot be opened: {reason}</source>
      <translation>无法打开 {path}：{reason}</translation>
    </message>
    <message>
      <location filename="../../models/backup.py" line="160" />
      <source>{path} is not a Partner Desk backup ({reason}).</source>
      <translation>{path} 不是伙伴工作台的备份（{reason}）。</translation>
    </message>
    <message>
      <location filename="../../models/backup.py" line="172" />
      <source>The backup {path} is damaged.</source>
      <translation>备份 {path} 已损坏。</translation>
    </message>
    <message>
      <location filename="../../models/backup_rotation.py" line="255" />
      <source>This backup was written by a newer version of Partner Desk (schema {revision}); it cannot be restored here. Install the newer version.</source>
      <translation>此备份由更新版本的伙伴工作台写入（结构版本 {revision}），无法在此恢复。请安装新版本。</translation>
    </message>
    <message>
      <location filename="../../models/backup_rotation.py" line="210" />
      <source>The daily backup found the database damaged, so it was not kept and the older backups were left as they are. Run “partner-desk check”, then restore a good backup (File → Restore from a backup).</source>
      <translation>每日备份时发现数据库已损坏，因此未保留本次备份，较早的备份保持不变。请运行“partner-desk check”，然后恢复一份完好的备份（文件 → 从备份恢复）。</translation>
    </message>
    <message>
      <location filename="../../models/badge_pdf.py" line="429" />
      <source>There are no badges to print.</source>
      <translation>没有可打印的胸卡。</translation>
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
      <location filename="../../models/bundle.py" line="336" />
      <source>Could not write {path}: {reason}</source>
      <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="16" />
      <source>{file}: there is no such file.</source>
      <translation>{file}：没有这个文件。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="17" />
      <source>{file} could not be read: {reason}</source>
      <translation>无法读取 {file}：{reason}</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="18" />
      <source>{file} is not a Partner Desk sync file: it is not a zip archive.</source>
      <translation>{file} 不是伙伴工作台的同步文件：它不是 zip 压缩包。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="19" />
      <source>{file} is incomplete: it ends before the end of the archive (it was cut short while being copied or downloaded). Copy it again from its source.</source>
      <translation>{file} 不完整：文件在压缩包结尾之前就断了（复制或下载时被截断）。请从原处重新复制一份。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="23" />
      <source>{file} is damaged and cannot be read: {reason}</source>
      <translation>{file} 已损坏，无法读取：{reason}</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="24" />
      <source>{file} is damaged: {member} cannot be unpacked ({reason}).</source>
      <translation>{file} 已损坏：其中的 {member} 无法解压（{reason}）。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="25" />
      <source>{file} holds {count} files; a sync file holds at most {limit}. It is refused unread.</source>
      <translation>{file} 包含 {count} 个文件，同步文件最多只有 {limit} 个。已拒收，未读取内容。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="28" />
      <source>{file} has an oversized table of contents ({size} bytes): it was not made by Partner Desk and is refused unread.</source>
      <translation>{file} 的目录过大（{size} 字节）：它不是伙伴工作台生成的，已拒收，未读取内容。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="32" />
      <source>{file} contains a file with an unsafe name, “{member}” (a folder path, “..” or an absolute path). It is refused unread.</source>
      <translation>{file} 含有名称不安全的文件“{member}”（带文件夹路径、“..”或绝对路径）。已拒收，未读取内容。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="36" />
      <source>{file} contains “{member}”, which is not a file a sync file may hold. It is refused unread.</source>
      <translation>{file} 含有“{member}”，同步文件中不应有这样的文件。已拒收，未读取内容。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="39" />
      <source>{file} contains {member} more than once. It is refused unread.</source>
      <translation>{file} 中的 {member} 出现了不止一次。已拒收，未读取内容。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="40" />
      <source>{file}: {member} is encrypted or compressed in an unsupported way.</source>
      <translation>{file}：{member} 被加密，或使用了不支持的压缩方式。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="41" />
      <source>{file}: {member} would unpack to {size} bytes, more than the {limit} bytes allowed (a possible zip bomb). It is refused unread.</source>
      <translation>{file}：{member} 解压后将有 {size} 字节，超过允许的 {limit} 字节（可能是“压缩炸弹”）。已拒收，未读取内容。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="45" />
      <source>{file} would unpack to {size} bytes, more than the {limit} bytes allowed (a possible zip bomb). It is refused unread.</source>
      <translation>{file} 解压后将有 {size} 字节，超过允许的 {limit} 字节（可能是“压缩炸弹”）。已拒收，未读取内容。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="49" />
      <source>{file}: {member} is compressed {ratio} to 1, more than the {limit} to 1 a sync file can reach (a possible zip bomb). It is refused unread.</source>
      <translation>{file}：{member} 的压缩比为 {ratio} 比 1，超过同步文件可能达到的 {limit} 比 1（可能是“压缩炸弹”）。已拒收，未读取内容。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="53" />
      <source>{file} has no manifest.json: it is not a sync file, or it is incomplete.</source>
      <translation>{file} 中没有 manifest.json：它不是同步文件，或者不完整。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="54" />
      <source>{file} has no signature (manifest.sig), so it cannot be trusted.</source>
      <translation>{file} 没有签名（manifest.sig），无法信任。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="55" />
      <source>{file}: manifest.json is not valid JSON ({reason}).</source>
      <translation>{file}：manifest.json 不是有效的 JSON（{reason}）。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="56" />
      <source>{file}: manifest.json has no valid “{field}” (found: {value}).</source>
      <translation>{file}：manifest.json 中没有有效的“{field}”（实际为：{value}）。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="57" />
      <source>{file} is not a Partner Desk sync file (its manifest says format {value}).</source>
      <translation>{file} 不是伙伴工作台的同步文件（其清单写的格式是 {value}）。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="58" />
      <source>{file} uses sync format {version}, written by a newer Partner Desk; this version reads format {major}.x. Install the newer version to read it.</source>
      <translation>{file} 使用同步格式 {version}，由更新版本的伙伴工作台生成；本版本只能读取 {major}.x 格式。请安装新版本后再读取。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="62" />
      <source>{file} uses sync format {version}, which this version no longer reads (it reads format {major}.x). Export it again with a current Partner Desk.</source>
      <translation>{file} 使用同步格式 {version}，本版本已不再支持（只能读取 {major}.x 格式）。请用当前版本的伙伴工作台重新导出。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="66" />
      <source>{file} comes from organisation {org}, whose key is not registered here. Register the organisation's public key first.</source>
      <translation>{file} 来自机构 {org}，但此处尚未登记该机构的密钥。请先登记该机构的公钥。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="70" />
      <source>{file} is signed with the key {found}, but the key registered for {org} is {expected}: it was not signed by that organisation's desk, or their key has changed.</source>
      <translation>{file} 的签名密钥是 {found}，但为 {org} 登记的密钥是 {expected}：它不是由该机构的工作台签名的，或者该机构的密钥已更换。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="74" />
      <source>{file}: manifest.sig is not a valid signature.</source>
      <translation>{file}：manifest.sig 不是有效的签名。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="75" />
      <source>{file}: the signature does not match manifest.json: the manifest was changed after it was signed, or it was signed with another key.</source>
      <translation>{file}：签名与 manifest.json 不符：清单在签名后被改动过，或者是用另一把密钥签名的。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="79" />
      <source>{file}: the manifest lists {member}, a table that sync format {version} does not have.</source>
      <translation>{file}：清单列出了 {member}，但同步格式 {version} 中没有这张表。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="82" />
      <source>{file}: the manifest lists {member} more than once.</source>
      <translation>{file}：清单中 {member} 出现了不止一次。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="83" />
      <source>{file}: {member} is listed in the manifest but missing from the archive.</source>
      <translation>{file}：清单中列有 {member}，但压缩包里没有这个文件。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="84" />
      <source>{file}: {member} is in the archive but not listed in the manifest.</source>
      <translation>{file}：压缩包里有 {member}，但清单中没有列出。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="85" />
      <source>{file}: {member} is listed in the manifest but the archive has {other} instead (a file was renamed).</source>
      <translation>{file}：清单中列的是 {member}，压缩包里却是 {other}（文件被改了名）。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="89" />
      <source>{file} has no {member}, which this import needs.</source>
      <translation>{file} 中没有 {member}，而本次导入需要它。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="90" />
      <source>{file}: {member} lacks the column {column}, which sync format {version} requires.</source>
      <translation>{file}：{member} 缺少同步格式 {version} 要求的列 {column}。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="93" />
      <source>{file}: {member} has a column {column} that format {version} does not have.</source>
      <translation>{file}：{member} 有一列 {column}，格式 {version} 中没有这一列。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="94" />
      <source>{file}: {member} lists the column {column} twice.</source>
      <translation>{file}：{member} 中列 {column} 出现了两次。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="95" />
      <source>{file}: {member} has {found} bytes but the manifest says {expected}: it was changed after the file was signed.</source>
      <translation>{file}：{member} 有 {found} 字节，但清单写的是 {expected}：文件在签名后被改动过。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="99" />
      <source>{file}: {member} does not match its SHA-256 checksum in the manifest: it was changed after the file was signed.</source>
      <translation>{file}：{member} 与清单中的 SHA-256 校验值不符：文件在签名后被改动过。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="103" />
      <source>{file}: {member} has {found} rows but the manifest says {expected}: rows were added or removed after the file was signed.</source>
      <translation>{file}：{member} 有 {found} 行，但清单写的是 {expected} 行：签名后有行被增删。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="107" />
      <source>{file}: the header of {member} does not match the manifest (expected: {expected}; found: {found}).</source>
      <translation>{file}：{member} 的表头与清单不符（应为：{expected}；实际为：{found}）。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="111" />
      <source>{file}: {member} is not UTF-8 text (at row {row}).</source>
      <translation>{file}：{member} 不是 UTF-8 文本（第 {row} 行）。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="112" />
      <source>{file}: {member} is not valid CSV at row {row} ({reason}).</source>
      <translation>{file}：{member} 第 {row} 行不是有效的 CSV（{reason}）。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="113" />
      <source>{file}: {member}, row {row} has {found} fields; the header has {expected}.</source>
      <translation>{file}：{member} 第 {row} 行有 {found} 个字段，表头有 {expected} 个。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="116" />
      <source>{file}: {member}, row {row}: {column} is empty but needs a value.</source>
      <translation>{file}：{member} 第 {row} 行：{column} 为空，但必须有值。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="117" />
      <source>{file}: {member}, row {row}: {column} contains a NUL character.</source>
      <translation>{file}：{member} 第 {row} 行：{column} 含有 NUL 字符。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="118" />
      <source>{file}: {member}, row {row}: {column} has {length} characters; at most {limit} are allowed.</source>
      <translation>{file}：{member} 第 {row} 行：{column} 有 {length} 个字符，最多允许 {limit} 个。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="122" />
      <source>{file}: {member}, row {row}: {column} is “{value}”, which is not one of {choices}.</source>
      <translation>{file}：{member} 第 {row} 行：{column} 为“{value}”，不是 {choices} 之一。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="125" />
      <source>{file}: {member}, row {row}: {column} is {value}, outside the range {minimum} to {maximum}.</source>
      <translation>{file}：{member} 第 {row} 行：{column} 为 {value}，超出 {minimum} 到 {maximum} 的范围。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="129" />
      <source>{file}: {member}, row {row}: {column} is “{value}”, which is not a UUID.</source>
      <translation>{file}：{member} 第 {row} 行：{column} 为“{value}”，不是 UUID。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="130" />
      <source>{file}: {member}, row {row}: {column} is “{value}”, which is not a whole number.</source>
      <translation>{file}：{member} 第 {row} 行：{column} 为“{value}”，不是整数。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="131" />
      <source>{file}: {member}, row {row}: {column} is “{value}”, not true or false.</source>
      <translation>{file}：{member} 第 {row} 行：{column} 为“{value}”，不是 true 或 false。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="132" />
      <source>{file}: {member}, row {row}: {column} is “{value}”, which is not a date (YYYY-MM-DD).</source>
      <translation>{file}：{member} 第 {row} 行：{column} 为“{value}”，不是日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="135" />
      <source>{file}: {member}, row {row}: {column} is “{value}”, which is not a UTC time (YYYY-MM-DDTHH:MM:SSZ).</source>
      <translation>{file}：{member} 第 {row} 行：{column} 为“{value}”，不是 UTC 时间（YYYY-MM-DDTHH:MM:SSZ）。</translation>
    </message>
    <message>
      <location filename="../../models/bundle_errors.py" line="139" />
      <source>{file}: {member}, row {row}: {column} is “{value}”, which is not a month (YYYY-MM).</source>
      <translation>{file}：{member} 第 {row} 行：{column} 为“{value}”，不是月份（YYYY-MM）。</translation>
    </message>
    <message>
      <location filename="../../models/certificates.py" line="301" />
      <source>Could not write to the folder {path}: {reason}</source>
      <translation>无法写入文件夹 {path}：{reason}</translation>
    </message>
    <message>
      <location filename="../../models/certificates.py" line="123" />
      <source>The period ends ({end}) before it starts ({start}); swap the dates.</source>
      <translation>时间段的结束日期（{end}）早于开始日期（{start}），请对调这两个日期。</translation>
    </message>
    <message>
      <location filename="../../models/certificates.py" line="168" />
      <source>This volunteer no longer exists.</source>
      <translation>该志愿者已不存在。</translation>
    </message>
    <message>
      <location filename="../../models/certificates.py" line="172" />
      <source>{code} was merged into {other}; make the certificate from that record.</source>
      <translation>{code} 已合并到 {other}，请用该记录开具证明。</translation>
    </message>
    <message>
      <location filename="../../models/certificates.py" line="183" />
      <source>{name} ({code}) has no approved hours from {start} to {end}, so there is nothing to certify. Pending hours count only once they are approved.</source>
      <translation>{name}（{code}）在 {start} 至 {end} 期间没有已批准的时长，因此无法开具证明。待审核的时长须经批准后才计入。</translation>
    </message>
    <message>
      <location filename="../../models/certificates.py" line="295" />
      <source>{path} is not a folder.</source>
      <translation>{path} 不是文件夹。</translation>
    </message>
    <message>
      <location filename="../../models/certificates.py" line="330" />
      <source>Nobody has approved hours from {start} to {end}; no certificates were made.</source>
      <translation>{start} 至 {end} 期间没有人有已批准的时长，未生成任何证明。</translation>
    </message>
    <message>
      <location filename="../../models/certificates.py" line="290" />
      <source>Could not create the folder {path}: {reason}</source>
      <translation>无法创建文件夹 {path}：{reason}</translation>
    </message>
    <message>
      <location filename="../../models/checkin.py" line="78" />
      <source>This scan is outside the activity's time ({start}–{end}); staff may check it.</source>
      <translation>本次扫码不在活动时间（{start}–{end}）内，工作人员可能会核查。</translation>
    </message>
    <message>
      <location filename="../../models/checkin.py" line="395" />
      <source>{name} is not on the roster of this activity. Please ask the staff.</source>
      <translation>{name} 不在本活动的名单上。请咨询工作人员。</translation>
    </message>
    <message>
      <location filename="../../models/checkin.py" line="574" />
      <source>Welcome, {name}! Checked in at {time}.</source>
      <translation>欢迎，{name}！已于 {time} 签到。</translation>
    </message>
    <message>
      <location filename="../../models/checkin.py" line="598" />
      <source>Thank you, {name}! Checked out at {time} ({hours} h {minutes} min).</source>
      <translation>谢谢您，{name}！已于 {time} 签退（{hours} 小时 {minutes} 分钟）。</translation>
    </message>
    <message>
      <location filename="../../models/checkin.py" line="87" />
      <source>The repeat-scan window must be between {low} and {high} seconds.</source>
      <translation>重复扫码间隔须在 {low} 至 {high} 秒之间。</translation>
    </message>
    <message>
      <location filename="../../models/checkin.py" line="92" />
      <source>The time before a check-out counts must be between {low} and {high} minutes.</source>
      <translation>签到后可签退的最短间隔须在 {low} 至 {high} 分钟之间。</translation>
    </message>
    <message>
      <location filename="../../models/checkin.py" line="97" />
      <source>The grace time around an activity must be between {low} and {high} minutes.</source>
      <translation>活动前后的宽限时间须在 {low} 至 {high} 分钟之间。</translation>
    </message>
    <message>
      <location filename="../../models/checkin.py" line="388" />
      <source>“{title}” is not open for check-in yet.</source>
      <translation>“{title}”尚未开放签到。</translation>
    </message>
    <message>
      <location filename="../../models/checkin.py" line="390" />
      <source>“{title}” is closed; check-in has ended.</source>
      <translation>“{title}”已结束，签到已截止。</translation>
    </message>
    <message>
      <location filename="../../models/checkin.py" line="552" />
      <source>{name} is not checked in here. Please check in at the entrance.</source>
      <translation>{name} 尚未在此签到。请先在入口处签到。</translation>
    </message>
    <message>
      <location filename="../../models/checkin.py" line="228" />
      <source>A kiosk name has 1 to {limit} characters.</source>
      <translation>签到台名称须为 1 至 {limit} 个字符。</translation>
    </message>
    <message>
      <location filename="../../models/checkin.py" line="405" />
      <source>This is an item label, not a volunteer badge.</source>
      <translation>这是物品标签，不是志愿者胸卡。</translation>
    </message>
    <message>
      <location filename="../../models/checkin.py" line="522" />
      <source>A later check-in or check-out of {name} is already recorded ({time}); an earlier time cannot be added after it.</source>
      <translation>已有 {name} 更晚的签到或签退记录（{time}），不能再补充更早的时间。</translation>
    </message>
    <message>
      <location filename="../../models/checkin.py" line="538" />
      <source>{name} is already checked in at {time}. Check out at the exit.</source>
      <translation>{name} 已于 {time} 签到。请在出口处签退。</translation>
    </message>
    <message>
      <location filename="../../models/checkin.py" line="545" />
      <source>{name} checked in at {time}. A check-out counts from {earliest}; scan again then.</source>
      <translation>{name} 已于 {time} 签到。{earliest} 之后才能签退，请届时再扫码。</translation>
    </message>
    <message>
      <location filename="../../models/checkin.py" line="554" />
      <source>{name} is not checked in.</source>
      <translation>{name} 尚未签到。</translation>
    </message>
    <message>
      <location filename="../../models/checkin.py" line="633" />
      <source>{name} is inactive: reactivate the record before checking them in or out.</source>
      <translation>{name} 已停用：请先恢复该记录，再为其签到或签退。</translation>
    </message>
    <message>
      <location filename="../../models/checkin.py" line="731" />
      <source>“{title}” is not open for check-in.</source>
      <translation>“{title}”未开放签到。</translation>
    </message>
    <message>
      <location filename="../../models/checkin.py" line="734" />
      <source>“{title}” takes only the volunteers on its roster, no walk-ins.</source>
      <translation>“{title}”只接受名单上的志愿者，不接受现场报名。</translation>
    </message>
    <message>
      <location filename="../../models/checkin.py" line="418" />
      <source>{code} is {name}'s number here; typed by hand it cannot check anyone in. Please scan the badge, or ask the staff to check in by name.</source>
      <translation>{code} 是{name}在本机构的编号，手动输入不能签到。请扫描胸卡，或请工作人员按姓名签到。</translation>
    </message>
    <message>
      <location filename="../../models/checkin.py" line="530" />
      <source>{name} is already checked in at {time}.</source>
      <translation>{name} 已于 {time} 签到。</translation>
    </message>
    <message>
      <location filename="../../models/checkin.py" line="532" />
      <source>{name} is already checked out at {time}.</source>
      <translation>{name} 已于 {time} 签退。</translation>
    </message>
    <message>
      <location filename="../../models/checkin_sessions.py" line="176" />
      <source>Enter the time {name} left.</source>
      <translation>请输入 {name} 离开的时间。</translation>
    </message>
    <message>
      <location filename="../../models/checkin_sessions.py" line="180" />
      <source>{name} cannot have left ({time}) before checking in ({start}).</source>
      <translation>{name} 的离开时间（{time}）不能早于签到时间（{start}）。</translation>
    </message>
    <message>
      <location filename="../../models/checkin_sessions.py" line="187" />
      <source>The time {name} left ({time}) is in the future.</source>
      <translation>{name} 的离开时间（{time}）晚于当前时间。</translation>
    </message>
    <message>
      <location filename="../../models/checkin_sessions.py" line="218" />
      <source>This check-in no longer exists. Refresh the list and try again.</source>
      <translation>此签到记录已不存在。请刷新列表后重试。</translation>
    </message>
    <message>
      <location filename="../../models/checkin_sessions.py" line="221" />
      <source>This activity is exported; its attendance can no longer be changed.</source>
      <translation>此活动已导出，其签到记录不能再修改。</translation>
    </message>
    <message>
      <location filename="../../models/checkin_sessions.py" line="224" />
      <source>{name} is no longer checked in (checked out, or already resolved).</source>
      <translation>{name} 已不在签到状态（已签退或已处理）。</translation>
    </message>
    <message>
      <location filename="../../models/checkin_sessions.py" line="228" />
      <source>Give a reason for discarding this check-in.</source>
      <translation>请填写作废此签到记录的原因。</translation>
    </message>
    <message>
      <location filename="../../models/checkin_sessions.py" line="167" />
      <source>{name} checked in after the scheduled end ({end}): enter the time they left, or discard the check-in.</source>
      <translation>{name} 在计划结束时间（{end}）之后才签到：请输入其离开时间，或作废此签到记录。</translation>
    </message>
    <message>
      <location filename="../../models/checkin_sessions.py" line="213" />
      <source>Unknown way of closing a check-in: {resolution}.</source>
      <translation>未知的签到结束方式：{resolution}。</translation>
    </message>
    <message>
      <location filename="../../models/correction_requests.py" line="74" />
      <source>Write down what the volunteer asks to have corrected.</source>
      <translation>请写下志愿者要求更正的内容。</translation>
    </message>
    <message>
      <location filename="../../models/correction_requests.py" line="121" />
      <source>Write the answer given to the volunteer.</source>
      <translation>请填写给志愿者的答复。</translation>
    </message>
    <message>
      <location filename="../../models/correction_requests.py" line="58" />
      <source>The text has at most {limit} characters.</source>
      <translation>内容不能超过 {limit} 个字符。</translation>
    </message>
    <message>
      <location filename="../../models/correction_requests.py" line="77" />
      <source>Choose the volunteer again; this record no longer exists.</source>
      <translation>该记录已不存在，请重新选择志愿者。</translation>
    </message>
    <message>
      <location filename="../../models/correction_requests.py" line="83" />
      <source>A request cannot be received in the future.</source>
      <translation>申请的接收时间不能晚于当前时间。</translation>
    </message>
    <message>
      <location filename="../../models/correction_requests.py" line="124" />
      <source>This correction request no longer exists.</source>
      <translation>此更正申请已不存在。</translation>
    </message>
    <message>
      <location filename="../../models/correction_requests.py" line="126" />
      <source>This request has already been answered; log a new one if needed.</source>
      <translation>此申请已答复；如有需要，请另行登记新申请。</translation>
    </message>
    <message>
      <location filename="../../models/correction_requests.py" line="130" />
      <source>The linked hour entry must be one of this volunteer's entries.</source>
      <translation>关联的时长记录必须属于该志愿者。</translation>
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
      <location filename="../../models/donation_import.py" line="153" />
      <source>“{name}” is not a readable Excel workbook (.xlsx): it may be damaged or in another format. Open it in Excel or WPS and save it again as .xlsx or CSV.</source>
      <translation>“{name}”不是可读取的 Excel 工作簿（.xlsx），可能已损坏或是其他格式。请用 Excel 或 WPS 打开它，重新另存为 .xlsx 或 CSV 文件。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="223" />
      <source>“{name}” is not a text file in an encoding Partner Desk can read (UTF-8 or GBK). Save it from Excel or WPS as “CSV UTF-8” or as .xlsx.</source>
      <translation>伙伴工作台无法读取“{name}”的文字编码（只支持 UTF-8 或 GBK 编码的文本文件）。请在 Excel 或 WPS 中将其另存为“CSV UTF-8”或 .xlsx 格式。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="204" />
      <source>“{name}” is empty.</source>
      <translation>“{name}”是空文件，没有任何内容。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="301" />
      <source>“{name}” is larger than 100 MB.</source>
      <translation>“{name}”超过 100 MB，文件太大，无法读取。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="305" />
      <source>“{name}” is an old Excel file (.xls). Open it in Excel or WPS and save it as .xlsx or CSV.</source>
      <translation>“{name}”是旧版 Excel 文件（.xls）。请用 Excel 或 WPS 打开它，另存为 .xlsx 或 CSV 文件。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="584" />
      <source>Choose the column that holds the description of each item.</source>
      <translation>请选择填写物品描述的那一列。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="594" />
      <source>Choose the column that holds the category, or a category for all rows.</source>
      <translation>请选择填写类别的那一列，或为所有行统一选择一个类别。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="726" />
      <source>{count} problems in the file: correct them and check the file again.</source>
      <translation>文件中有 {count} 处问题，请改正后重新检查文件。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="731" />
      <source>The file has no rows of items.</source>
      <translation>文件中没有任何物品行。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="195" />
      <source>“{name}” has more than {limit} rows; split it into smaller files.</source>
      <translation>“{name}”超过 {limit} 行，请拆分成几个较小的文件。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="240" />
      <source>“{name}” is not a well-formed CSV file: {reason}</source>
      <translation>“{name}”不是格式正确的 CSV 文件：{reason}</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="255" />
      <source>Reading .xlsx files needs the openpyxl package.</source>
      <translation>读取 .xlsx 文件需要 openpyxl 组件，但本机未安装。请联系技术支持，或改用 CSV 文件。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="296" />
      <source>“{name}” cannot be read: {reason}</source>
      <translation>无法读取“{name}”：{reason}</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="454" />
      <source>Unknown category “{value}”.</source>
      <translation>没有“{value}”这个类别。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="456" />
      <source>The category “{value}” is no longer in use.</source>
      <translation>类别“{value}”已停用。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="502" />
      <source>The description is empty.</source>
      <translation>未填写描述。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="581" />
      <source>The file has no column “{column}”.</source>
      <translation>文件中没有“{column}”这一列。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="590" />
      <source>Choose a category in use for rows that have none.</source>
      <translation>请为未填写类别的行选择一个正在使用的类别。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="742" />
      <source>The categories changed since the file was checked: check it again.</source>
      <translation>检查文件之后类别设置有了变动，请重新检查文件。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="446" />
      <source>The category “{value}” exists in several groups; write it as “group › category”.</source>
      <translation>多个大类下都有类别“{value}”，请写成“大类 › 类别”的形式。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="453" />
      <source>“{value}” is a group of categories; choose one of its categories.</source>
      <translation>“{value}”是一个大类，请选择其下的具体类别。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="504" />
      <source>The description is longer than 300 characters.</source>
      <translation>描述超过 300 个字符。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="513" />
      <source>The category is empty.</source>
      <translation>未填写类别。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="521" />
      <source>Unknown grade “{value}”: use A, B, C or X (不可售).</source>
      <translation>无法识别成色“{value}”：请填写 A、B、C 或 X（不可售）。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="524" />
      <source>The grade is empty: use A, B, C or X (不可售).</source>
      <translation>未填写成色：请填写 A、B、C 或 X（不可售）。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="531" />
      <source>The quantity “{value}” is not a whole number.</source>
      <translation>数量“{value}”不是整数。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="533" />
      <source>The quantity must be at least 1, not {value}.</source>
      <translation>数量至少为 1，不能是 {value}。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="548" />
      <source>The value “{value}” is not an amount of money.</source>
      <translation>估值“{value}”不是有效的金额。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="553" />
      <source>The value must not be negative ({value}).</source>
      <translation>估值不能为负数（{value}）。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="537" />
      <source>The quantity {value} is more than 10,000: split the line or check it.</source>
      <translation>数量 {value} 超过 10,000：请拆分成多行，或核对是否填错。</translation>
    </message>
    <message>
      <location filename="../../models/donation_import.py" line="558" />
      <source>The value {value} is more than ¥1,000,000 for one item.</source>
      <translation>单件估值 {value} 超过 ¥1,000,000。</translation>
    </message>
    <message>
      <location filename="../../models/feedback.py" line="361" />
      <source>Give the activity feedback for “{title}” (people served, what was done, satisfaction), or waive it with a reason, before closing it.</source>
      <translation>结束“{title}”之前，请先填写活动反馈（服务人数、活动内容、满意度），或填写原因免填反馈。</translation>
    </message>
    <message>
      <location filename="../../models/feedback.py" line="135" />
      <source>A count in the feedback can be at most {limit}.</source>
      <translation>反馈中的数量最多为 {limit}。</translation>
    </message>
    <message>
      <location filename="../../models/feedback.py" line="143" />
      <source>A text in the feedback has at most {limit} characters.</source>
      <translation>反馈中的每段文字最多 {limit} 个字符。</translation>
    </message>
    <message>
      <location filename="../../models/feedback.py" line="152" />
      <source>Enter how many people the activity served (0 if none).</source>
      <translation>请填写活动服务了多少人（没有则填 0）。</translation>
    </message>
    <message>
      <location filename="../../models/feedback.py" line="154" />
      <source>The number of people served cannot be negative.</source>
      <translation>服务人数不能为负数。</translation>
    </message>
    <message>
      <location filename="../../models/feedback.py" line="160" />
      <source>The number of photos cannot be negative.</source>
      <translation>照片数量不能为负数。</translation>
    </message>
    <message>
      <location filename="../../models/feedback.py" line="164" />
      <source>Describe what was done at the activity.</source>
      <translation>请填写活动中做了什么。</translation>
    </message>
    <message>
      <location filename="../../models/feedback.py" line="169" />
      <source>Choose the volunteers' satisfaction, from {low} to {high}.</source>
      <translation>请选择志愿者满意度（{low} 到 {high}）。</translation>
    </message>
    <message>
      <location filename="../../models/feedback.py" line="175" />
      <source>Satisfaction is a score from {low} (poor) to {high} (excellent), not {value}.</source>
      <translation>满意度是 {low}（差）到 {high}（很好）的分数，不能是 {value}。</translation>
    </message>
    <message>
      <location filename="../../models/feedback.py" line="191" />
      <source>Give a reason for waiving the activity's feedback.</source>
      <translation>请填写免填活动反馈的原因。</translation>
    </message>
    <message>
      <location filename="../../models/feedback.py" line="203" />
      <source>“{title}” is still a draft; feedback is given once the activity has taken place.</source>
      <translation>“{title}”仍是草稿；活动举办后才能填写反馈。</translation>
    </message>
    <message>
      <location filename="../../models/feedback.py" line="208" />
      <source>“{title}” is exported; its feedback can no longer be changed.</source>
      <translation>“{title}”已导出，其反馈不能再修改。</translation>
    </message>
    <message>
      <location filename="../../models/feedback.py" line="302" />
      <source>“{title}” already has feedback; a waiver is only for an activity without one.</source>
      <translation>“{title}”已有反馈；只有没有反馈的活动才能免填。</translation>
    </message>
    <message>
      <location filename="../../models/files.py" line="27" />
      <source>The disk is full: {path} was not written. Free some space and try again.</source>
      <translation>磁盘已满，{path} 未写入。请释放一些空间后重试。</translation>
    </message>
    <message>
      <location filename="../../models/hour_approvals.py" line="108" />
      <source>This day is over {limit} minutes and needs a second approval by another member of staff.</source>
      <translation>当天时长超过 {limit} 分钟，需由另一位工作人员进行第二次批准。</translation>
    </message>
    <message>
      <location filename="../../models/hour_approvals.py" line="34" />
      <source>Give a reason.</source>
      <translation>请填写原因。</translation>
    </message>
    <message>
      <location filename="../../models/hour_approvals.py" line="101" />
      <source>This entry is already approved; approved hours change only by a correction.</source>
      <translation>此记录已批准；已批准的时长只能通过更正来修改。</translation>
    </message>
    <message>
      <location filename="../../models/hour_approvals.py" line="104" />
      <source>This entry is already rejected; add a supplemental entry if hours are missing.</source>
      <translation>此记录已驳回；如有缺少的时长，请补录。</translation>
    </message>
    <message>
      <location filename="../../models/hour_approvals.py" line="243" />
      <source>Give a reason for rejecting these hours.</source>
      <translation>请填写驳回这些时长的原因。</translation>
    </message>
    <message>
      <location filename="../../models/hour_approvals.py" line="46" />
      <source>This hour entry no longer exists.</source>
      <translation>此时长记录已不存在。</translation>
    </message>
    <message>
      <location filename="../../models/hour_approvals.py" line="79" />
      <source>The staff PIN is not correct.</source>
      <translation>员工密码不正确。</translation>
    </message>
    <message>
      <location filename="../../models/hour_export.py" line="347" />
      <source>The export being written is not in the sync log.</source>
      <translation>正在写入的导出不在同步记录中。</translation>
    </message>
    <message>
      <location filename="../../models/hour_export.py" line="227" />
      <source>No matching rate is in force on {date}, but there are approved hours on that day. Add a rate effective from {date} or earlier; nothing was exported.</source>
      <translation>{date} 没有生效的配捐标准，但当天有已批准的时长。请添加一个在 {date} 或更早生效的标准；未导出任何内容。</translation>
    </message>
    <message>
      <location filename="../../models/hour_rules.py" line="91" />
      <source>The rounding step must be {low} to {high} minutes.</source>
      <translation>取整单位须为 {low} 至 {high} 分钟。</translation>
    </message>
    <message>
      <location filename="../../models/hour_rules.py" line="99" />
      <source>The minimum session must be {low} to {high} minutes.</source>
      <translation>单次最短时长须为 {low} 至 {high} 分钟。</translation>
    </message>
    <message>
      <location filename="../../models/hour_rules.py" line="105" />
      <source>The cap per session must be {low} to {high} minutes (0: no cap).</source>
      <translation>单次时长上限须为 {low} 至 {high} 分钟（0 表示不设上限）。</translation>
    </message>
    <message>
      <location filename="../../models/hour_rules.py" line="111" />
      <source>The cap per day must be {low} to {high} minutes (0: no cap).</source>
      <translation>每日时长上限须为 {low} 至 {high} 分钟（0 表示不设上限）。</translation>
    </message>
    <message>
      <location filename="../../models/hour_rules.py" line="117" />
      <source>The grace period must be {low} to {high} minutes.</source>
      <translation>宽限时间须为 {low} 至 {high} 分钟。</translation>
    </message>
    <message>
      <location filename="../../models/hour_rules.py" line="125" />
      <source>The second-approval threshold must be {low} to {high} minutes (0: off).</source>
      <translation>需第二次批准的时长门槛须为 {low} 至 {high} 分钟（0 表示关闭）。</translation>
    </message>
    <message>
      <location filename="../../models/hour_rules.py" line="94" />
      <source>Rounding must be “down” or “nearest”.</source>
      <translation>取整方式须为“向下取整”或“四舍五入”。</translation>
    </message>
    <message>
      <location filename="../../models/hour_rules.py" line="120" />
      <source>The minimum share of the activity must be 0 to 100 %.</source>
      <translation>最低活动参与比例须为 0 至 100%。</translation>
    </message>
    <message>
      <location filename="../../models/hour_rules.py" line="128" />
      <source>The matching period must be a month or a year.</source>
      <translation>配捐计算周期须为月或年。</translation>
    </message>
    <message>
      <location filename="../../models/hour_rules.py" line="137" />
      <source>The minimum matched hours ({low}) is above the maximum ({high}).</source>
      <translation>配捐最低时长（{low}）高于最高时长（{high}）。</translation>
    </message>
    <message>
      <location filename="../../models/hour_rules.py" line="143" />
      <source>The minimum session ({low} minutes) is longer than the cap per session ({high} minutes): nothing would ever count.</source>
      <translation>单次最短时长（{low} 分钟）超过单次时长上限（{high} 分钟）：这样任何时长都不会计入。</translation>
    </message>
    <message>
      <location filename="../../models/hour_rules.py" line="371" />
      <source>The matching rate table is empty; add at least one rate.</source>
      <translation>配捐标准表为空，请至少添加一个标准。</translation>
    </message>
    <message>
      <location filename="../../models/hour_rules.py" line="385" />
      <source>No matching rate is in force on {date}, but there are hours on that day. Add a rate effective from {date} or earlier.</source>
      <translation>{date} 没有生效的配捐标准，但当天有服务时长。请添加一个在 {date} 或更早生效的标准。</translation>
    </message>
    <message>
      <location filename="../../models/hour_rules.py" line="132" />
      <source>Matching hours per period must be between 0 and {high}.</source>
      <translation>每个周期的配捐时长须在 0 至 {high} 之间。</translation>
    </message>
    <message>
      <location filename="../../models/hour_rules.py" line="376" />
      <source>Two matching rates start on {date}; keep one.</source>
      <translation>有两个配捐标准都从 {date} 起生效，请只保留一个。</translation>
    </message>
    <message>
      <location filename="../../models/hour_rules.py" line="380" />
      <source>The matching rate must be between ¥0 and ¥100,000 per hour.</source>
      <translation>配捐标准须在每小时 ¥0 至 ¥100,000 之间。</translation>
    </message>
    <message>
      <location filename="../../models/hours.py" line="215" />
      <source>These times are outside the activity's time, so nothing counts. Nothing was saved.</source>
      <translation>这些时间不在活动时间内，不计任何时长。未保存任何内容。</translation>
    </message>
    <message>
      <location filename="../../models/hours.py" line="234" />
      <source>Give a reason for the supplemental entry.</source>
      <translation>请填写补录的原因。</translation>
    </message>
    <message>
      <location filename="../../models/hours.py" line="323" />
      <source>Give a reason for the correction.</source>
      <translation>请填写更正的原因。</translation>
    </message>
    <message>
      <location filename="../../models/hours.py" line="186" />
      <source>These hours overlap hours the volunteer already has ({start} to {end}). Nothing was saved.</source>
      <translation>这些时长与该志愿者已有的时长（{start} 至 {end}）重叠。未保存任何内容。</translation>
    </message>
    <message>
      <location filename="../../models/hours.py" line="198" />
      <source>The volunteer already has {cap} minutes on that day, the most a day counts. Nothing was saved.</source>
      <translation>该志愿者当天已有 {cap} 分钟，已达每日上限。未保存任何内容。</translation>
    </message>
    <message>
      <location filename="../../models/hours.py" line="206" />
      <source>Less than {share}% of the activity counts nothing. Nothing was saved.</source>
      <translation>不足活动时长的 {share}% 则不计时长。未保存任何内容。</translation>
    </message>
    <message>
      <location filename="../../models/hours.py" line="211" />
      <source>Less than {minimum} minutes counts nothing. Nothing was saved.</source>
      <translation>不足 {minimum} 分钟则不计时长。未保存任何内容。</translation>
    </message>
    <message>
      <location filename="../../models/hours.py" line="248" />
      <source>The end ({end}) must be after the start ({start}).</source>
      <translation>结束时间（{end}）必须晚于开始时间（{start}）。</translation>
    </message>
    <message>
      <location filename="../../models/hours.py" line="255" />
      <source>Hours cannot be entered for a time that has not come yet ({end}).</source>
      <translation>不能录入尚未到来的时间（{end}）的时长。</translation>
    </message>
    <message>
      <location filename="../../models/hours.py" line="260" />
      <source>A supplemental entry covers one day; enter one entry for each day.</source>
      <translation>一条补录记录只能覆盖一天；请每天分别补录。</translation>
    </message>
    <message>
      <location filename="../../models/hours.py" line="329" />
      <source>These hours are still pending; approve or reject them instead of correcting them.</source>
      <translation>这些时长仍待审核；请直接批准或驳回，无需更正。</translation>
    </message>
    <message>
      <location filename="../../models/hours.py" line="333" />
      <source>These hours were rejected; add a supplemental entry instead of a correction.</source>
      <translation>这些时长已被驳回；请补录，而不是更正。</translation>
    </message>
    <message>
      <location filename="../../models/hours.py" line="336" />
      <source>Corrected hours must be between 0 and 24 hours (1,440 minutes).</source>
      <translation>更正后的时长须在 0 至 24 小时（1,440 分钟）之间。</translation>
    </message>
    <message>
      <location filename="../../models/hours.py" line="344" />
      <source>A correction of these hours is already waiting for approval; decide it first.</source>
      <translation>这些时长已有一条更正在等待审核，请先处理该更正。</translation>
    </message>
    <message>
      <location filename="../../models/hours.py" line="349" />
      <source>The corrected minutes are the same as now; nothing to correct.</source>
      <translation>更正后的分钟数与当前相同，无需更正。</translation>
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
      <location filename="../../models/migrate.py" line="116" />
      <source>This database was written by a newer version of Partner Desk (schema {revision}). Install the newer version to open it; the file was not changed.</source>
      <translation>此数据库由更新版本的伙伴工作台写入（结构版本 {revision}）。请安装新版本后再打开；文件未做任何更改。</translation>
    </message>
    <message>
      <location filename="../../models/migrate.py" line="125" />
      <source>This file is a database, but not a Partner Desk one. Choose another file; it was not changed.</source>
      <translation>此文件是数据库，但不是伙伴工作台的数据库。请选择其他文件；该文件未做任何更改。</translation>
    </message>
    <message>
      <location filename="../../models/migrate.py" line="100" />
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
      <location filename="../../models/office_dashboard.py" line="269" />
      <source>Partner code</source>
      <translation>机构代码</translation>
    </message>
    <message>
      <location filename="../../models/office_dashboard.py" line="270" />
      <source>Partner</source>
      <translation>伙伴机构</translation>
    </message>
    <message>
      <location filename="../../models/office_dashboard.py" line="271" />
      <source>Period</source>
      <translation>期间</translation>
    </message>
    <message>
      <location filename="../../models/office_dashboard.py" line="272" />
      <source>Activities</source>
      <translation>活动</translation>
    </message>
    <message>
      <location filename="../../models/office_dashboard.py" line="273" />
      <source>Attendances</source>
      <translation>签到人次</translation>
    </message>
    <message>
      <location filename="../../models/office_dashboard.py" line="274" />
      <source>Volunteers</source>
      <translation>志愿者</translation>
    </message>
    <message>
      <location filename="../../models/office_dashboard.py" line="275" />
      <source>Hours</source>
      <translation>时长</translation>
    </message>
    <message>
      <location filename="../../models/office_dashboard.py" line="276" />
      <source>Matching amount</source>
      <translation>配捐金额</translation>
    </message>
    <message>
      <location filename="../../models/office_dashboard.py" line="277" />
      <source>Feedback received</source>
      <translation>已收到反馈</translation>
    </message>
    <message>
      <location filename="../../models/office_dashboard.py" line="278" />
      <source>Feedback waived</source>
      <translation>已免填反馈</translation>
    </message>
    <message>
      <location filename="../../models/office_dashboard.py" line="279" />
      <source>Feedback missing</source>
      <translation>缺少反馈</translation>
    </message>
    <message>
      <location filename="../../models/office_dashboard.py" line="135" />
      <source>No partner is registered with the code {code}.</source>
      <translation>没有以代码 {code} 登记的伙伴机构。</translation>
    </message>
    <message>
      <location filename="../../models/office_import.py" line="72" />
      <source>{file} is this organisation's own export for the programme office. A desk imports only files written for another desk (export for a desk), with their scan events.</source>
      <translation>{file} 是本机构导出给项目办的文件。工作台只导入为其他工作台生成的文件（导出给工作台），其中包含扫码记录。</translation>
    </message>
    <message>
      <location filename="../../models/office_import.py" line="76" />
      <source>{file} is signed with the key {found}, not with the key {expected} given: it was not signed by that organisation's desk, or their key has changed.</source>
      <translation>{file} 的签名密钥是 {found}，而不是所提供的密钥 {expected}：它不是由该机构的工作台签名的，或者该机构的密钥已更换。</translation>
    </message>
    <message>
      <location filename="../../models/office_partners.py" line="71" />
      <source>This is not a partner's public key. Copy the public key shown in the partner's Settings (44 characters, ending in “=”).</source>
      <translation>这不是伙伴机构的公钥。请复制伙伴机构“设置”中显示的公钥（44 个字符，以“=”结尾）。</translation>
    </message>
    <message>
      <location filename="../../models/office_partners.py" line="103" />
      <source>A partner code is 2 to 12 letters A–Z or digits, as in their QR codes.</source>
      <translation>伙伴机构代码由 2 到 12 个字母 A–Z 或数字组成，与其二维码中的一致。</translation>
    </message>
    <message>
      <location filename="../../models/office_partners.py" line="107" />
      <source>Enter the partner's name.</source>
      <translation>请输入伙伴机构的名称。</translation>
    </message>
    <message>
      <location filename="../../models/office_partners.py" line="109" />
      <source>A partner's name has at most {limit} characters.</source>
      <translation>伙伴机构名称不能超过 {limit} 个字符。</translation>
    </message>
    <message>
      <location filename="../../models/office_partners.py" line="114" />
      <source>The fingerprint {given} does not belong to this key (its fingerprint is {actual}). Check both with the partner.</source>
      <translation>指纹 {given} 与此密钥不符（此密钥的指纹是 {actual}）。请与伙伴机构核对两者。</translation>
    </message>
    <message>
      <location filename="../../models/office_partners.py" line="124" />
      <source>This key is already registered for partner {code}; each partner has its own.</source>
      <translation>此密钥已登记给伙伴机构 {code}；每家伙伴机构应有各自的密钥。</translation>
    </message>
    <message>
      <location filename="../../models/office_partners.py" line="146" />
      <source>{code} is already registered with the key {old}. Replace it only if the partner made a new key (their Settings show {new}).</source>
      <translation>{code} 已登记的密钥为 {old}。仅当该伙伴机构生成了新密钥时才应更换（其“设置”中显示为 {new}）。</translation>
    </message>
    <message>
      <location filename="../../models/office_upsert.py" line="41" />
      <source>{file}: {member}, row {row}: the id {id} belongs to partner {other}, not to {org}. The file is refused; nothing was imported from it.</source>
      <translation>{file}：{member} 第 {row} 行：编号 {id} 属于伙伴机构 {other}，而不属于 {org}。该文件已被拒绝，未从中导入任何内容。</translation>
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
      <location filename="../../models/organisation.py" line="374" />
      <source>Store code “{code}” must be 1 to 6 letters A–Z or digits (e.g. S01).</source>
      <translation>门店代码“{code}”须为 1 至 6 位字母（A–Z）或数字（如 S01）。</translation>
    </message>
    <message>
      <location filename="../../models/organisation.py" line="377" />
      <source>Store {code} needs a name.</source>
      <translation>请为门店 {code} 填写名称。</translation>
    </message>
    <message>
      <location filename="../../models/organisation.py" line="379" />
      <source>Store code “{code}” is used twice.</source>
      <translation>门店代码“{code}”重复了。</translation>
    </message>
    <message>
      <location filename="../../models/pdf_layout.py" line="183" />
      <source>The organisation's seal image cannot be read. Choose the seal image again in Settings.</source>
      <translation>无法读取机构的公章图片。请在“设置”中重新选择公章图片。</translation>
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
      <location filename="../../models/receipt.py" line="115" />
      <source>Donation batch {id} was not found.</source>
      <translation>找不到这批捐赠的记录（{id}）。</translation>
    </message>
    <message>
      <location filename="../../models/scan.py" line="429" />
      <source>The code could not be read. Please scan it again.</source>
      <translation>无法识别这个码，请重新扫描。</translation>
    </message>
    <message>
      <location filename="../../models/scan.py" line="225" />
      <source>There is no file at {path}.</source>
      <translation>{path} 处没有文件。</translation>
    </message>
    <message>
      <location filename="../../models/scan.py" line="388" />
      <source>Item label {code} of organisation {org}</source>
      <translation>机构 {org} 的物品标签 {code}</translation>
    </message>
    <message>
      <location filename="../../models/scan.py" line="397" />
      <source>Volunteer badge {volunteer} (number {seq}) of organisation {org}, not checked</source>
      <translation>机构 {org} 的志愿者胸卡 {volunteer}（第 {seq} 张），未核验</translation>
    </message>
    <message>
      <location filename="../../models/scan.py" line="411" />
      <source>This badge code is damaged or incomplete.</source>
      <translation>此胸卡码已损坏或不完整。</translation>
    </message>
    <message>
      <location filename="../../models/scan.py" line="425" />
      <source>“{text}” is not a Partner Desk code.</source>
      <translation>“{text}”不是伙伴工作台的编码。</translation>
    </message>
    <message>
      <location filename="../../models/scan.py" line="408" />
      <source>This item label is damaged or incomplete.</source>
      <translation>此物品标签已损坏或不完整。</translation>
    </message>
    <message>
      <location filename="../../models/scan.py" line="418" />
      <source>Item code {code}</source>
      <translation>物品编码 {code}</translation>
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
      <location filename="../../models/scan_meaning.py" line="89" />
      <source>This badge belongs to another organisation ({org}).</source>
      <translation>此胸卡属于其他机构（{org}）。</translation>
    </message>
    <message>
      <location filename="../../models/seal.py" line="52" />
      <source>The seal image file is empty.</source>
      <translation>公章图片文件是空的。</translation>
    </message>
    <message>
      <location filename="../../models/seal.py" line="55" />
      <source>The seal image is too large ({size} MB); use a file under {limit} MB.</source>
      <translation>公章图片太大（{size} MB），请使用小于 {limit} MB 的文件。</translation>
    </message>
    <message>
      <location filename="../../models/seal.py" line="79" />
      <source>The seal image is too small; use one at least {side} pixels wide and high.</source>
      <translation>公章图片太小，请使用宽和高都至少为 {side} 像素的图片。</translation>
    </message>
    <message>
      <location filename="../../models/seal.py" line="72" />
      <source>The seal image has too many pixels.</source>
      <translation>公章图片的像素过多。</translation>
    </message>
    <message>
      <location filename="../../models/seal.py" line="75" />
      <source>This file is not a picture Partner Desk can read. Use a PNG or JPEG image.</source>
      <translation>伙伴工作台无法读取此图片文件。请使用 PNG 或 JPEG 图片。</translation>
    </message>
    <message>
      <location filename="../../models/seal.py" line="66" />
      <source>The seal must be a PNG or JPEG image (this one is {format}).</source>
      <translation>公章须为 PNG 或 JPEG 图片（此图片为 {format} 格式）。</translation>
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
      <location filename="../../models/sync_export.py" line="176" />
      <source>There is no folder {path} to write the export to.</source>
      <translation>没有可写入导出文件的文件夹 {path}。</translation>
    </message>
    <message>
      <location filename="../../models/sync_preview.py" line="179" />
      <source>The organisation has not been set up yet; there is nothing to export.</source>
      <translation>尚未设置机构信息，没有可导出的内容。</translation>
    </message>
    <message>
      <location filename="../../models/sync_preview.py" line="198" />
      <source>The end of the export period cannot be in the future.</source>
      <translation>导出期间的截止时间不能晚于现在。</translation>
    </message>
    <message>
      <location filename="../../models/sync_preview.py" line="201" />
      <source>The previous export already covers everything up to {when} (UTC); choose a later end for the period.</source>
      <translation>上次导出已包含截至 {when}（UTC）的全部数据；请为本期选择更晚的截止时间。</translation>
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
      <location filename="../../desktop/cli.py" line="491" />
      <source>--{name} must be at least 1.</source>
      <translation>--{name} 至少为 1。</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" line="606" />
      <source>--at {at} is in the future.</source>
      <translation>--at {at} 晚于当前时间。</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" line="248" />
      <source>This database already holds data; demo data only goes into an empty database (choose another file with --db).</source>
      <translation>此数据库中已有数据；示例数据只能写入空数据库（请用 --db 选择另一个文件）。</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" line="466" />
      <source>Only SQLite database files can be backed up here; use the server's tools.</source>
      <translation>这里只能备份 SQLite 数据库文件；服务器上的数据库请用服务器自带的工具备份。</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" line="497" />
      <source>Every item already has a label; name the codes to print again.</source>
      <translation>所有物品都已打印过标签；如需重新打印，请指定物品编码。</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" line="596" />
      <source>--at takes a date and time like 2026-03-07T09:30, or a time like 09:30 on the activity's day (not “{at}”).</source>
      <translation>--at 须为日期和时间（如 2026-03-07T09:30），或活动当天的时间（如 09:30），而不是“{at}”。</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" line="626" />
      <source>There is no activity with the id {id}.</source>
      <translation>没有 ID 为 {id} 的活动。</translation>
    </message>
    <message>
      <location filename="../../desktop/cli.py" line="552" />
      <source>There is no volunteer with the code {code}.</source>
      <translation>没有编号为 {code} 的志愿者。</translation>
    </message>
    <message>
      <location filename="../../desktop/cli_sync.py" line="206" />
      <source>Could not read the key file {path}.</source>
      <translation>无法读取密钥文件 {path}。</translation>
    </message>
    <message>
      <location filename="../../desktop/instance_lock.py" line="37" />
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
