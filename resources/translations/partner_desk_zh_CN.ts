<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivitiesScreen</name>
    <message>
        <location filename="../../desktop/activities/activities_screen.py" line="+47"/>
        <location line="+111"/>
        <source>Activities</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="-107"/>
        <source>New activity…</source>
        <translation>新建活动…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No activities yet. Create one with “New activity…”: it starts as a draft; import its roster, open it on the day for check-in, and close it afterwards.</source>
        <translation>还没有活动。请用“新建活动…”创建：新活动先保存为草稿；导入报名名单后，在活动当天开放签到，活动完成后点击“结束活动”。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+218"/>
        <source>Open for check-in</source>
        <translation>开放签到</translation>
    </message>
    <message>
        <location line="-217"/>
        <source>Feedback…</source>
        <translation>反馈…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The activity feedback for the programme office: people served, what was done, outcomes, satisfaction. Needed (or waived) before closing.</source>
        <translation>提交给项目办的活动反馈：服务人数、活动内容、成效和满意度。结束活动前须填写（或免填）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+211"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="-210"/>
        <source>Reopen…</source>
        <translation>重新开放…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+286"/>
        <source>Delete draft</source>
        <translation>删除草稿</translation>
    </message>
    <message>
        <location line="-285"/>
        <source>Import roster…</source>
        <translation>导入报名名单…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activity report…</source>
        <translation>活动报告…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A PDF of who came, their hours, the matching amount and the feedback</source>
        <translation>一份 PDF，列出参加人员、服务时长、配捐金额和活动反馈</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Roster</source>
        <translation>报名名单</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Checked in now</source>
        <translation>当前已签到</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Choose an activity to see its roster.</source>
        <translation>请选择一个活动，查看其报名名单。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Roster ({n})</source>
        <translation>报名名单（{n}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checked in now ({n})</source>
        <translation>当前已签到（{n}）</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Reopen</source>
        <translation>重新开放</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Why reopen this activity? (kept in the audit log)</source>
        <translation>为什么要重新开放此活动？（将记入审计日志）</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Activity report</source>
        <translation>活动报告</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delete the draft “{title}”?</source>
        <translation>确定要删除草稿“{title}”吗？</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <location filename="../../desktop/activities/activity_dialog.py" line="+42"/>
        <source>Edit activity</source>
        <translation>编辑活动</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New activity</source>
        <translation>新建活动</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>(not at a store)</source>
        <translation>（不在门店举办）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Walk-ins welcome (people not on the roster)</source>
        <translation>允许现场参加（不在报名名单上的人也可签到）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Title</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capacity</source>
        <translation>人数上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programme tag</source>
        <translation>项目标签</translation>
    </message>
</context>
<context>
    <name>ActivityHoursModel</name>
    <message>
        <location filename="../../desktop/hours/hours_table_model.py" line="+130"/>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attendances</source>
        <translation>签到人次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours</source>
        <translation>时长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved hours</source>
        <translation>已批准时长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending hours</source>
        <translation>待审核时长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matching</source>
        <translation>配捐</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Supplemental hours without an activity</source>
        <translation>未关联活动的补录时长</translation>
    </message>
</context>
<context>
    <name>ActivityTableModel</name>
    <message>
        <location filename="../../desktop/activities/activity_table_model.py" line="+56"/>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attendances</source>
        <translation>签到人次</translation>
    </message>
</context>
<context>
    <name>AnomalyPanel</name>
    <message>
        <location filename="../../desktop/hours/anomaly_panel.py" line="+52"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Close at the scheduled end</source>
        <translation>按计划结束时间签退</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set the times…</source>
        <translation>设置时间…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept as it is…</source>
        <translation>按原样接受…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Nothing to look at in this period: every attendance is closed and its scans are in order.</source>
        <translation>此期间没有需要查看的异常：所有签到记录均已签退，扫码记录也都正常。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Look at these before approving hours. Each item has its own actions; every change is kept in the audit log.</source>
        <translation>批准时长前请先查看以下异常。每一项都有各自的处理操作；所有更改都会记入审计日志。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Resolve</source>
        <translation>处理</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Accept as it is</source>
        <translation>按原样接受</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept this as it stands? A note for the audit log (optional):</source>
        <translation>确定按原样接受吗？记入审计日志的备注（选填）：</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Closed at the scheduled end; the hours are pending.</source>
        <translation>已按计划结束时间签退；时长待审核。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Times set; the hours are pending.</source>
        <translation>时间已设置；时长待审核。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attendance discarded; it counts no hours.</source>
        <translation>该签到记录已作废，不计入时长。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted as it is.</source>
        <translation>已按原样接受。</translation>
    </message>
</context>
<context>
    <name>AnswerRequestDialog</name>
    <message>
        <location filename="../../desktop/hours/answer_request_dialog.py" line="+39"/>
        <source>Answer a correction request</source>
        <translation>答复更正申请</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Request</source>
        <translation>申请内容</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. added 3 hours as a supplemental entry; told by phone on 14 March</source>
        <translation>例如：已补录 3 小时；3 月 14 日电话告知</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(no hours changed)</source>
        <translation>（未改动时长）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Answer</source>
        <translation>答复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Led to the entry</source>
        <translation>对应的时长记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered by (staff)</source>
        <translation>答复人（员工）</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <location filename="../../desktop/settings/audit_log_dialog.py" line="+65"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>From</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Text in the values, reason, name or id</source>
        <translation>字段值、原因、姓名或编号中的文字</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear filters</source>
        <translation>清除筛选条件</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Anyone</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Any action</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{family}* (all)</source>
        <translation>{family}*（全部）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Any record</source>
        <translation>全部记录类型</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Searching the audit log</source>
        <translation>正在搜索审计日志</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{total} entries (showing {shown})</source>
        <translation>共 {total} 条记录（显示 {shown} 条）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Before</source>
        <translation>变更前</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>After</source>
        <translation>变更后</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{when} · {staff} · {action} · {entity} {id}</source>
        <translation>{when} · {staff} · {action} · {entity} {id}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reason: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(whole record)</source>
        <translation>（整条记录）</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+13"/>
        <source>Export the audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Excel workbook (*.xlsx);;CSV for Excel/WPS (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;适用于 Excel/WPS 的 CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Writing {name}…</source>
        <translation>正在写入 {name}…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Saved {count} entries to {path}</source>
        <translation>已将 {count} 条记录保存到 {path}</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../desktop/settings/audit_table_model.py" line="+113"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>AutomaticBackups</name>
    <message>
        <location filename="../../desktop/auto_backup.py" line="+78"/>
        <location line="+32"/>
        <source>Daily backup</source>
        <translation>每日备份</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Daily backup written: {name}</source>
        <translation>每日备份已保存：{name}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The daily backup could not be made: {reason}

Your data is unchanged. Use File → Back up now to try again.</source>
        <translation>无法完成每日备份：{reason}

您的数据没有变化。可使用“文件 → 立即备份”重试。</translation>
    </message>
</context>
<context>
    <name>BundleReportDialog</name>
    <message>
        <location filename="../../desktop/sync/bundle_report_dialog.py" line="+58"/>
        <source>Files refused, and why:</source>
        <translation>被拒绝的文件及原因：</translation>
    </message>
</context>
<context>
    <name>BundleReportModel</name>
    <message>
        <location filename="../../desktop/sync/bundle_report_model.py" line="+43"/>
        <source>Refused: {reason}</source>
        <translation>已拒收：{reason}</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Merged another desk&apos;s check-ins ({skipped} skipped)</source>
        <translation>已合并其他工作台的签到记录（跳过 {skipped} 条）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Intact and signed with the registered key {key}; {rows} rows.</source>
        <translation>文件完好，由已登记的密钥 {key} 签名；共 {rows} 行。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Intact, signed with the key {key}, which is not registered here; {rows} rows.</source>
        <translation>文件完好，但签名密钥 {key} 未在此处登记；共 {rows} 行。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partner</source>
        <translation>伙伴机构</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unchanged</source>
        <translation>未变化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>CameraPanel</name>
    <message>
        <location filename="../../desktop/kiosk/camera_panel.py" line="+32"/>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>No camera found. Volunteers can check in with a USB scanner, or staff can check them in by name.</source>
        <translation>未找到摄像头。志愿者可以使用 USB 扫码枪签到，也可以由工作人员按姓名为其签到。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The camera reported a problem: {text}</source>
        <translation>摄像头出现问题：{text}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hold your badge&apos;s QR code up to the camera.</source>
        <translation>请将胸卡上的 二维码对准摄像头。</translation>
    </message>
</context>
<context>
    <name>CameraSnapshotDialog</name>
    <message>
        <location filename="../../desktop/widgets/camera_snapshot_dialog.py" line="+56"/>
        <source>Camera snapshot</source>
        <translation>拍照</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Take picture</source>
        <translation>拍摄</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No camera found.</source>
        <translation>未找到摄像头。</translation>
    </message>
</context>
<context>
    <name>CertificateActions</name>
    <message>
        <location filename="../../desktop/hours/certificate_actions.py" line="+59"/>
        <source>Service certificate</source>
        <translation>志愿服务记录证明</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Certificates for everyone</source>
        <translation>为所有人开具证明</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nobody has approved hours in this period, so there is nothing to certify.</source>
        <translation>此期间没有人有已批准的时长，无需开具证明。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Make a service certificate for each of the {n} volunteers with approved hours in this period?</source>
        <translation>要为此期间有已批准时长的 {n} 位志愿者各开具一份志愿服务记录证明吗？</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Certificate {done} of {total}</source>
        <translation>正在生成第 {done} 份证明，共 {total} 份</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{n} certificates saved in {folder}.</source>
        <translation>已将 {n} 份证明保存到 {folder}。</translation>
    </message>
</context>
<context>
    <name>CloseActivityDialog</name>
    <message>
        <location filename="../../desktop/kiosk/close_activity_dialog.py" line="+63"/>
        <location line="+78"/>
        <source>Close activity</source>
        <translation>结束活动</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>{n} volunteer(s) of “{title}” are still checked in. Decide for each how their attendance ends; nothing is counted until you do.</source>
        <translation>“{title}”仍有 {n} 位志愿者未签退。请逐一选择其签到记录的结束方式；处理完之前不计入任何时长。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nobody is checked in any more. Close “{title}” now?</source>
        <translation>已没有未签退的人员。现在结束“{title}”吗？</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Feedback…</source>
        <translation>反馈…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked in</source>
        <translation>签到时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How it ends</source>
        <translation>结束方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Real end</source>
        <translation>实际离开时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason (needed to discard)</source>
        <translation>原因（作废时必填）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scheduled end (review later)</source>
        <translation>按计划结束时间（稍后复核）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the real time</source>
        <translation>填写实际时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard (not counted)</source>
        <translation>作废（不计时长）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Resolve and close</source>
        <translation>处理并结束</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Choose how the attendance of {name} ends.</source>
        <translation>请选择 {name} 的签到记录的结束方式。</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../../desktop/hours/correction_dialog.py" line="+39"/>
        <source>Correct approved hours</source>
        <translation>更正已批准时长</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Approved hours are locked. A correction is a new entry with the difference; it starts as pending and counts only once approved.</source>
        <translation>已批准的时长已锁定。更正会按差额新增一条记录，初始状态为待审核，批准后才计入。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Hours of</source>
        <translation>时长归属</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Counted now</source>
        <translation>当前计入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{hours} h ({minutes} minutes)</source>
        <translation>{hours} 小时（{minutes} 分钟）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> minutes</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. left an hour early, confirmed by the leader</source>
        <translation>例如：提前一小时离开，已经领队确认</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Should count</source>
        <translation>应计入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entered by (staff)</source>
        <translation>录入人（工作人员）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>= {hours} h</source>
        <translation>= {hours} 小时</translation>
    </message>
</context>
<context>
    <name>CorrectionRequestsPanel</name>
    <message>
        <location filename="../../desktop/hours/correction_requests_panel.py" line="+47"/>
        <source>Log a request…</source>
        <translation>登记申请…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request</source>
        <translation>申请内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer</source>
        <translation>答复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered by</source>
        <translation>答复人</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Answer…</source>
        <translation>答复…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>When a volunteer asks to correct their service record, log the request here and answer it; both are kept for the record.</source>
        <translation>志愿者申请更正服务记录时，请在这里登记并答复；申请和答复都会存档备查。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{open} open, {total} in all.</source>
        <translation>{open} 条待答复，共 {total} 条。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Correction request logged.</source>
        <translation>更正申请已登记。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Correction request answered.</source>
        <translation>更正申请已答复。</translation>
    </message>
</context>
<context>
    <name>DashboardChart</name>
    <message>
        <location filename="../../desktop/sync/dashboard_chart.py" line="+41"/>
        <source>Approved hours</source>
        <translation>已批准时长</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Matching amount (¥)</source>
        <translation>配捐金额（¥）</translation>
    </message>
</context>
<context>
    <name>DashboardModel</name>
    <message>
        <location filename="../../desktop/sync/dashboard_table_model.py" line="+56"/>
        <source>Partner code</source>
        <translation>机构代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partner</source>
        <translation>伙伴机构</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activities</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attendances</source>
        <translation>签到人次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours</source>
        <translation>时长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matching amount</source>
        <translation>配捐金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback received</source>
        <translation>已收到反馈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback waived</source>
        <translation>已免填反馈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback missing</source>
        <translation>缺少反馈</translation>
    </message>
</context>
<context>
    <name>DashboardPanel</name>
    <message>
        <location filename="../../desktop/sync/dashboard_panel.py" line="+58"/>
        <source>By month</source>
        <translation>按月份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By week</source>
        <translation>按周</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+108"/>
        <source>All partners</source>
        <translation>所有伙伴机构</translation>
    </message>
    <message>
        <location line="-106"/>
        <source>Chart: hours</source>
        <translation>图表：时长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chart: matching amount</source>
        <translation>图表：配捐金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export XLSX…</source>
        <translation>导出 XLSX…</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Programme dashboard</source>
        <translation>项目数据看板</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{partners} partners · {activities} activities · {attendances} attendances · {hours} hours · {money} matching · feedback {received} received, {missing} missing</source>
        <translation>{partners} 家伙伴机构 · {activities} 场活动 · 签到 {attendances} 人次 · {hours} 小时 · 配捐 {money} · 反馈：已收 {received} 份，缺 {missing} 份</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Nothing imported for this choice yet. Register partners and import their files on the Partners and import tab.</source>
        <translation>此选择下尚未导入任何数据。请在“伙伴机构和导入”标签页登记伙伴机构并导入其文件。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Export the dashboard</source>
        <translation>导出数据看板</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Programme</source>
        <translation>项目</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Saved {rows} rows (and a total) to {path}</source>
        <translation>已将 {rows} 行（及合计）保存到 {path}</translation>
    </message>
</context>
<context>
    <name>DonorPicker</name>
    <message>
        <location filename="../../desktop/intake/donor_picker.py" line="+42"/>
        <source>Donor: type a name or phone number</source>
        <translation>捐赠人：输入姓名或电话号码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New donor…</source>
        <translation>新建捐赠人…</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>No donor found — press “New donor…”</source>
        <translation>未找到捐赠人——请点击“新建捐赠人…”</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Donor: anonymous</source>
        <translation>捐赠人：匿名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Donor: {name}</source>
        <translation>捐赠人：{name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No donor chosen yet</source>
        <translation>尚未选择捐赠人</translation>
    </message>
</context>
<context>
    <name>EntriesPanel</name>
    <message>
        <location filename="../../desktop/hours/entries_panel.py" line="+47"/>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pending (to approve)</source>
        <translation>待审核（待批准）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved (locked)</source>
        <translation>已批准（已锁定）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All entries</source>
        <translation>全部记录</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Supplemental entry…</source>
        <translation>补录…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approve all of this activity…</source>
        <translation>批准此活动的全部记录…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject…</source>
        <translation>驳回…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Only the first {n} entries are shown; choose a shorter period.</source>
        <translation>仅显示前 {n} 条记录；请选择较短的时间段。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No entries here for this period. Hours come from closed attendance at the kiosk; add missing hours with “Supplemental entry…”.</source>
        <translation>此期间没有记录。时长来自签到台上已签退的签到记录；缺少的时长请用“补录…”添加。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Reason: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Changes approved hours by {hours} h.</source>
        <translation>将已批准时长调整 {hours} 小时。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Approved hours are locked; “Correct…” adds a correction entry.</source>
        <translation>已批准的时长已锁定；点击“更正…”可添加一条更正记录。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>First approval by {name}. This day is long, so another member of staff gives the second approval.</source>
        <translation>{name} 已完成第一次批准。当天时长较长，需由另一位工作人员进行第二次批准。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The check-out was set automatically; check the times under Anomalies, or approve this entry on its own.</source>
        <translation>签退时间是系统自动设置的；请在“异常”中核对时间，或单独批准此记录。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Supplemental entry added; it counts once approved.</source>
        <translation>已添加补录记录；批准后计入。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Correction added; it counts once approved.</source>
        <translation>已添加更正记录；批准后计入。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Approve hours</source>
        <translation>批准时长</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>You gave the first approval. Name of the other member of staff who gives the second:</source>
        <translation>您已完成第一次批准。请输入进行第二次批准的另一位工作人员的姓名：</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Approve all of this activity</source>
        <translation>批准此活动的全部记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approve every pending entry of “{title}”? Entries flagged for review are skipped; approve them one by one.</source>
        <translation>确定批准“{title}”的所有待审核记录吗？标记为需复核的记录将被跳过，请逐条批准。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Reject hours</source>
        <translation>驳回时长</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why are these hours rejected? (kept in the audit log)</source>
        <translation>为什么驳回这些时长？（将记入审计日志）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Entry rejected; its hours do not count.</source>
        <translation>记录已驳回，其时长不计入。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{n} entries got their first approval. Their day is long, so another member of staff must approve them as well.</source>
        <translation>{n} 条记录已完成第一次批准。由于当天时长较长，还须由另一位工作人员批准。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{n} entries were skipped: entries flagged for review are approved one by one, and a second approval needs another member of staff.</source>
        <translation>已跳过 {n} 条记录：标记为需复核的记录须逐条批准，第二次批准须由另一位工作人员进行。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} entries approved.</source>
        <translation>已批准 {n} 条记录。</translation>
    </message>
</context>
<context>
    <name>EntryTableModel</name>
    <message>
        <location filename="../../desktop/hours/entry_table_model.py" line="+39"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours</source>
        <translation>时长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entered by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decided by</source>
        <translation>审核人</translation>
    </message>
</context>
<context>
    <name>ExportPanel</name>
    <message>
        <location filename="../../desktop/sync/export_panel.py" line="+87"/>
        <source>Choose where to save the file: a USB stick, or a folder you send e-mail from. Nothing is written until you press Export.</source>
        <translation>请选择文件的保存位置：U 盘，或您用来发送电子邮件的文件夹。点击“导出”之前不会写入任何内容。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No folder chosen yet</source>
        <translation>尚未选择文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>check what the export carries</source>
        <translation>核对导出内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>choose where to save it</source>
        <translation>选择保存位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>write the file</source>
        <translation>写入文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Step {n} of 3: {what}</source>
        <translation>第 {n} 步（共 3 步）：{what}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Folder for the export</source>
        <translation>导出文件夹</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Full phone numbers are included.</source>
        <translation>包含完整的电话号码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phone numbers are masked.</source>
        <translation>电话号码已隐去部分数字。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The file is named after your organisation code and today&apos;s date, e.g. {example}. {contacts}</source>
        <translation>文件以机构代码和今天的日期命名，例如 {example}。{contacts}</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+66"/>
        <source>Export for the programme office</source>
        <translation>导出给项目办</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>Writing the export: {done} of about {total} rows</source>
        <translation>正在写入导出文件：第 {done} 行，共约 {total} 行</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Writing the export to {folder}…</source>
        <translation>正在将导出文件写入 {folder}…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The export was cancelled: nothing was written and nothing changed.</source>
        <translation>导出已取消：未写入任何内容，数据也没有任何变化。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Saved {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing new since the previous export; the file says so.</source>
        <translation>自上次导出以来没有新数据；文件中会注明这一点。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exported {file}</source>
        <translation>已导出 {file}</translation>
    </message>
</context>
<context>
    <name>ExportPreviewPage</name>
    <message>
        <location filename="../../desktop/sync/export_preview_page.py" line="+67"/>
        <source>End the period earlier, on</source>
        <translation>提前结束本期，截止日期</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+152"/>
        <source>Include contact phone numbers</source>
        <translation>包含联系电话</translation>
    </message>
    <message>
        <location line="-146"/>
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next: choose the folder…</source>
        <translation>下一步：选择文件夹…</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Export preview</source>
        <translation>导出预览</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The export cannot be prepared: {reason}</source>
        <translation>无法准备导出：{reason}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Everything up to {end}: this is your first export.</source>
        <translation>截至 {end} 的全部数据：这是您的第一次导出。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Everything that changed from {start} (the end of the previous export) up to {end}.</source>
        <translation>从 {start}（上次导出的截止时间）到 {end} 之间的所有变更。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{activities} activities · {attendances} attendances · {hours} approved hours · {money} matching amount</source>
        <translation>{activities} 场活动 · 签到 {attendances} 人次 · 已批准时长 {hours} 小时 · 配捐金额 {money}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This export cannot be written yet: {reason}</source>
        <translation>暂时无法写入此导出：{reason}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Hour entries still pending: {n}. They are not in this export until they are approved (on the Hours screen); a later export carries them.</source>
        <translation>仍有 {n} 条时长记录待审核。这些记录须在“服务时长”页面批准后才会导出，之后的导出会包含它们。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Volunteers still checked in: {n}. Their hours are not carried until they check out or staff resolve it.</source>
        <translation>仍有 {n} 位志愿者未签退。他们签退或工作人员处理后，其时长才会导出。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Finished activities this export marks as exported: {n}.</source>
        <translation>本次导出将标记为已导出的已结束活动：{n} 个。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing new since the previous export. You can still export: the file tells the programme office that nothing changed.</source>
        <translation>自上次导出以来没有新数据。仍可导出：文件会告知项目办没有任何变化。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This export includes the volunteers&apos; full phone numbers.</source>
        <translation>此导出包含志愿者的完整电话号码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phone numbers are masked in the file (e.g. 138****0000).</source>
        <translation>文件中的电话号码会隐去部分数字（例如 138****0000）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Phone numbers are personal data. Without this option they are masked (e.g. 138****0000). Include the volunteers&apos; full phone numbers in this export only if the programme office needs them and the volunteers agreed. Include them?</source>
        <translation>电话号码属于个人信息。不勾选此项时，号码会隐去部分数字（例如 138****0000）。只有在项目办确实需要且志愿者同意时，才应在此次导出中包含志愿者的完整电话号码。确定要包含吗？</translation>
    </message>
</context>
<context>
    <name>ExportTotalsModel</name>
    <message>
        <location filename="../../desktop/sync/export_totals_model.py" line="+62"/>
        <source>Activities</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attendances</source>
        <translation>签到人次</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approved hours</source>
        <translation>已批准时长</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Matching amount</source>
        <translation>配捐金额</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hour lines</source>
        <translation>时长记录行数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  of which corrections of earlier exports</source>
        <translation>  其中对以往导出的更正</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Activity feedback received</source>
        <translation>已收到的活动反馈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activity feedback waived</source>
        <translation>已免填的活动反馈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Volunteers&apos; correction requests</source>
        <translation>志愿者的更正申请</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Volunteers named</source>
        <translation>涉及志愿者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Donation summary lines</source>
        <translation>捐赠汇总行数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items received</source>
        <translation>收到的物品</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Figure</source>
        <translation>统计项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In this export</source>
        <translation>本次导出</translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <location filename="../../desktop/activities/feedback_dialog.py" line="+52"/>
        <source>1 – Very dissatisfied</source>
        <translation>1 – 非常不满意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2 – Dissatisfied</source>
        <translation>2 – 不满意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3 – Neutral</source>
        <translation>3 – 一般</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>4 – Satisfied</source>
        <translation>4 – 满意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>5 – Very satisfied</source>
        <translation>5 – 非常满意</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Activity feedback: submitted by {staff} on {day}.</source>
        <translation>活动反馈：由 {staff} 于 {day} 提交。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Activity feedback: waived by {staff} on {day} — {reason}</source>
        <translation>活动反馈：由 {staff} 于 {day} 免填——{reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Activity feedback: missing. It is needed (or a waiver with a reason) before the activity can close.</source>
        <translation>活动反馈：缺少。活动结束前须填写反馈（或填写原因免填）。</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+6"/>
        <location line="+31"/>
        <source>Activity feedback</source>
        <translation>活动反馈</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>“{title}” has no activity feedback yet. Feedback (or a waiver with a reason) is needed before the activity can close.

Fill in the feedback now? The activity closes once it is saved.</source>
        <translation>“{title}”还没有活动反馈。活动结束前须填写反馈（或填写原因免填）。

现在填写反馈吗？保存后活动即结束。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>What the activity achieved, for the programme office. People served, what was done and the volunteers&apos; satisfaction are needed; the rest is optional.</source>
        <translation>向项目办说明活动的成果。服务人数、活动内容和志愿者满意度为必填项，其余为选填项。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>not entered</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. children of the community, elderly residents, store customers</source>
        <translation>例如：社区儿童、老年居民、门店顾客</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. sorted donated clothes by kind and grade and packed 20 boxes</source>
        <translation>例如：将捐赠的衣物按种类和成色分拣，装了 20 箱</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What came of it, e.g. 300 items ready for sale, the reading corner reopened</source>
        <translation>取得了什么成果，例如：300 件物品可以上架销售，阅读角重新开放</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Anything that went wrong or should change next time</source>
        <translation>出现的问题，或下次需要改进的地方</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>People served</source>
        <translation>服务人数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How many people the activity reached (0 if none).</source>
        <translation>活动服务了多少人（没有则填 0）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Who they were</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was done</source>
        <translation>活动内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcomes</source>
        <translation>活动成效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problems</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number of photos</source>
        <translation>照片数量</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Photos taken at the activity and kept on file.</source>
        <translation>活动中拍摄并存档的照片。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Volunteers&apos; satisfaction</source>
        <translation>志愿者满意度</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How the volunteers felt about the activity overall, from 1 to 5.</source>
        <translation>志愿者对本次活动的总体感受，1 到 5 分。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save feedback</source>
        <translation>保存反馈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waive feedback…</source>
        <translation>免填反馈…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Feedback has been given; a waiver is only for an activity without one.</source>
        <translation>已填写反馈；只有没有反馈的活动才能免填。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This activity is exported; its feedback can no longer be changed.</source>
        <translation>此活动已导出，其反馈不能再修改。</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Waive feedback</source>
        <translation>免填反馈</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Waiving the feedback discards what you entered in the form. Waive anyway?</source>
        <translation>免填反馈会丢弃表单中已填写的内容。仍要免填吗？</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Why will there be no feedback for this activity? The reason is kept in the audit log and sent to the programme office.</source>
        <translation>为什么此活动没有反馈？原因会记入审计日志并发送给项目办。</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../desktop/sync/history_table_model.py" line="+42"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation</source>
        <translation>机构</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Figures</source>
        <translation>统计数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export for another desk</source>
        <translation>导出给其他工作台</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export (with phone numbers)</source>
        <translation>导出（含电话号码）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the beginning</source>
        <translation>最初</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{activities} activities · {hours} h · {money}</source>
        <translation>{activities} 场活动 · {hours} 小时 · {money}</translation>
    </message>
</context>
<context>
    <name>HourActions</name>
    <message>
        <location filename="../../desktop/hours/hour_actions.py" line="+40"/>
        <source>Staff PIN (needed to approve or reject):</source>
        <translation>员工密码（批准或驳回时需要）：</translation>
    </message>
</context>
<context>
    <name>HourLabels</name>
    <message>
        <location filename="../../desktop/hours/hour_labels.py" line="+16"/>
        <source>Attendance</source>
        <translation>签到记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supplemental</source>
        <translation>补录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Approved · locked</source>
        <translation>已批准 · 已锁定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>exported</source>
        <translation>已导出</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pending · needs a second approval</source>
        <translation>待审核 · 需第二次批准</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pending · check the times</source>
        <translation>待审核 · 请核对时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Still checked in</source>
        <translation>尚未签退</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed automatically</source>
        <translation>自动签退</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longer than the cap</source>
        <translation>超过时长上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overlapping activities</source>
        <translation>活动时间重叠</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan outside the activity time</source>
        <translation>扫码时间不在活动时间内</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Device clock jumped</source>
        <translation>设备时钟跳变</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Answered</source>
        <translation>已答复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
</context>
<context>
    <name>HourRulesPanel</name>
    <message>
        <location filename="../../desktop/settings/hour_rules_panel.py" line="+50"/>
        <source>These rules turn check-in and check-out times into counted service hours. Saving them changes only hours recorded from now on; to apply them to hours still waiting for approval, use “Preview recalculation…”. Approved hours never change.</source>
        <translation>这些规则决定如何将签到和签退时间计算为服务时长。保存后只影响今后记录的时长；如要应用到仍在等待批准的时长，请使用“预览重新计算…”。已批准的时长永远不会改变。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Restore defaults</source>
        <translation>恢复默认值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undo changes</source>
        <translation>撤销更改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save rules</source>
        <translation>保存规则</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview recalculation…</source>
        <translation>预览重新计算…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rounding step</source>
        <translation>取整单位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Counted time is rounded to a multiple of this, e.g. 15 minutes.</source>
        <translation>计入的时间取整为此值的整数倍，例如 15 分钟。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Down (never credit time not served)</source>
        <translation>向下取整（不计未服务的时间）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To the nearest step</source>
        <translation>四舍五入到最接近的单位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rounding</source>
        <translation>取整方式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“Down” turns 58 minutes into 45 with a 15-minute step; “nearest” into 60.</source>
        <translation>取整单位为 15 分钟时，“向下取整”将 58 分钟计为 45 分钟，“四舍五入”则计为 60 分钟。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+53"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Minimum session</source>
        <translation>单次最短时长</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A visit shorter than this counts nothing.</source>
        <translation>单次服务短于此时长则不计。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+6"/>
        <source>No cap</source>
        <translation>不设上限</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Cap per session</source>
        <translation>单次时长上限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One visit never counts more than this.</source>
        <translation>单次服务最多计入此时长。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cap per day</source>
        <translation>每日时长上限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A volunteer&apos;s hours on one day, across all activities, stop here.</source>
        <translation>志愿者一天内所有活动的时长合计最多计入此值。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Grace around the activity</source>
        <translation>活动前后宽限时间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Time this long before the start or after the end still counts; time further outside the activity does not.</source>
        <translation>活动开始前或结束后在此时长内的时间仍计入；超出的部分不计。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+9"/>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Minimum share of the activity</source>
        <translation>最低活动参与比例</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Optional: a visit counts only if it covers at least this share of the activity&apos;s scheduled time.</source>
        <translation>选填：单次服务至少达到活动计划时长的这一比例才计入。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Second approval for days over</source>
        <translation>单日超过此时长需第二次批准</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Optional: a volunteer&apos;s day with more than this (480 minutes = 8 hours) needs a second member of staff to approve.</source>
        <translation>选填：志愿者单日时长超过此值（480 分钟 = 8 小时）时，需由另一位工作人员再次批准。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Matching period</source>
        <translation>配捐计算周期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The minimum and maximum below count per volunteer in each such period.</source>
        <translation>下方的最低和最高时长按每位志愿者在每个周期内计算。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Matching: minimum hours</source>
        <translation>配捐：最低时长</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Optional: the sponsor matches a volunteer&apos;s hours only once they reach this many in the period.</source>
        <translation>选填：志愿者在周期内的时长达到此值后，资助方才予以配捐。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Matching: maximum hours</source>
        <translation>配捐：最高时长</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optional: hours beyond this in the period are not matched.</source>
        <translation>选填：周期内超出此值的时长不予配捐。</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Save hour rules</source>
        <translation>保存时长规则</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Hour rules saved. Hours already recorded were not recalculated.</source>
        <translation>时长规则已保存。已记录的时长未重新计算。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Preview recalculation</source>
        <translation>预览重新计算</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Working out what would change…</source>
        <translation>正在计算会有哪些变化…</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+37"/>
        <source>Apply new hour rules</source>
        <translation>应用新的时长规则</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Why are the rules changing? (kept in the audit log with every change)</source>
        <translation>为什么要修改规则？（将随每项更改记入审计日志）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Give a reason; nothing was changed.</source>
        <translation>请填写原因；未做任何更改。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recalculating pending hours…</source>
        <translation>正在重新计算待审核时长…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Recalculated: {created} new, {updated} changed and {rejected} no longer counting. {locked} approved entries were left as they are.</source>
        <translation>重新计算完成：新增 {created} 条，变更 {updated} 条，{rejected} 条不再计入。{locked} 条已批准记录保持不变。</translation>
    </message>
</context>
<context>
    <name>HoursScreen</name>
    <message>
        <location filename="../../desktop/hours/hours_screen.py" line="+106"/>
        <source>No service hours yet</source>
        <translation>还没有服务时长记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check-ins and check-outs become service hours under your rules. Staff resolve missed check-outs, add supplemental entries with a reason, approve them, and see the sponsor&apos;s matching donation for approved hours.</source>
        <translation>签到和签退记录会按照本机构的规则计算为服务时长。工作人员可处理漏签退的记录，注明原因补录时长，审核批准，并查看资助方为已批准时长提供的配捐。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Run an activity with the check-in kiosk.</source>
        <translation>使用签到终端开展一次活动。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the activity and resolve anyone still checked in.</source>
        <translation>结束活动，并处理仍未签退的人员。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review and approve the hours here.</source>
        <translation>在这里审核并批准服务时长。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add a supplemental entry…</source>
        <translation>补录时长…</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Find a volunteer by name or code</source>
        <translation>按姓名或编号查找志愿者</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Service certificate…</source>
        <translation>志愿服务记录证明…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A PDF certificate of the selected volunteer&apos;s approved hours in this period</source>
        <translation>为所选志愿者生成此期间已批准时长的 PDF 证明</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Certificates for everyone…</source>
        <translation>为所有人开具证明…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>By activity</source>
        <translation>按活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By volunteer</source>
        <translation>按志愿者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entries to approve ({n})</source>
        <translation>待审核记录（{n}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anomalies ({n})</source>
        <translation>异常（{n}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correction requests ({n} open)</source>
        <translation>更正申请（{n} 条待答复）</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Hours per activity in this period. Only approved hours earn the sponsor&apos;s matching donation.</source>
        <translation>本期间各活动的服务时长。只有已批准的时长才计入企业配捐。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No hours or attendance in this period. Choose another period above.</source>
        <translation>本期间没有签到或服务时长。请在上方选择其他期间。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Matching donation</source>
        <translation>配捐金额</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Service certificate</source>
        <translation>志愿服务记录证明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a volunteer in the list first.</source>
        <translation>请先在列表中选择一位志愿者。</translation>
    </message>
    <message>
        <location line="-172"/>
        <location line="+119"/>
        <source>Service hours</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Attendances</source>
        <translation>签到人次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours</source>
        <translation>时长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved hours</source>
        <translation>已批准时长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending hours</source>
        <translation>待审核时长</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop/intake/import_dialog.py" line="+56"/>
        <source>Import a donation list</source>
        <translation>导入捐赠清单</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV or Excel (.xlsx), one item per row</source>
        <translation>CSV 或 Excel（.xlsx）文件，每行一项物品</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Columns</source>
        <translation>对应的列</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Condition</source>
        <translation>成色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Estimated unit value (¥)</source>
        <translation>单件估值（¥）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The donation</source>
        <translation>本批捐赠</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(required in the file)</source>
        <translation>（须在文件中填写）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Donor</source>
        <translation>捐赠人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Condition when empty</source>
        <translation>未填成色时默认为</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Check every row</source>
        <translation>检查所有行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Choose a donation list</source>
        <translation>选择捐赠清单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Donation lists (*.csv *.xlsx);;All files (*)</source>
        <translation>捐赠清单 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Reading the file</source>
        <translation>正在读取文件</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(not in the file)</source>
        <translation>（文件中没有）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Columns not imported: {names}</source>
        <translation>不导入的列：{names}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{n} rows read. Check the columns, then check every row.</source>
        <translation>已读取 {n} 行。请核对各列的对应关系，然后检查所有行。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Choose the store that received the donation.</source>
        <translation>请选择接收这批捐赠的门店。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Checking every row</source>
        <translation>正在检查所有行</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{bad} problems found; nothing can be imported until they are fixed in the file. {ok} rows are fine.</source>
        <translation>发现 {bad} 处问题；须先在文件中改正，才能导入。{ok} 行没有问题。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All {n} rows are fine: {pieces} pieces, estimated {value}.</source>
        <translation>全部 {n} 行均无问题：共 {pieces} 件，估值 {value}。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Imported {n} items as receipt {receipt} ({first} … {last}).</source>
        <translation>已导入 {n} 件物品，收据号 {receipt}（编码 {first} … {last}）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
</context>
<context>
    <name>IntakeDashboard</name>
    <message>
        <location filename="../../desktop/intake/intake_dashboard.py" line="+46"/>
        <source>By month</source>
        <translation>按月份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By category</source>
        <translation>按大类</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By subcategory</source>
        <translation>按小类</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By condition</source>
        <translation>按成色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By store</source>
        <translation>按门店</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By donor type</source>
        <translation>按捐赠人类型</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Received between</source>
        <translation>接收日期范围</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items</source>
        <translation>物品数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pieces</source>
        <translation>件数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Estimated value</source>
        <translation>估值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sold items</source>
        <translation>已售物品数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Realised value</source>
        <translation>实际售出金额</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>All stores</source>
        <translation>全部门店</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Estimated value (¥)</source>
        <translation>估值（¥）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Realised value (¥)</source>
        <translation>实际售出金额（¥）</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+17"/>
        <location line="+3"/>
        <source>Export statistics</source>
        <translation>导出统计数据</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Excel workbook (*.xlsx);;CSV for Excel/WPS (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;适用于 Excel/WPS 的 CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Saved {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <location filename="../../desktop/intake/intake_form.py" line="+52"/>
        <source>Donation</source>
        <translation>捐赠信息</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Notes (optional)</source>
        <translation>备注（选填）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How it came</source>
        <translation>捐赠方式</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Items</source>
        <translation>物品</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Remove line</source>
        <translation>删除此行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save and print labels</source>
        <translation>保存并打印标签</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Loading</source>
        <translation>正在加载</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>{lines} lines · {pieces} pieces · estimated {value}</source>
        <translation>{lines} 行 · {pieces} 件 · 估值 {value}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Add at least one item line before saving.</source>
        <translation>保存前请至少添加一行物品。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the donor, or tick “Anonymous”.</source>
        <translation>请选择捐赠人，或勾选“匿名”。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the store that received the donation.</source>
        <translation>请选择接收这批捐赠的门店。</translation>
    </message>
</context>
<context>
    <name>IntakeScreen</name>
    <message>
        <location filename="../../desktop/intake/intake_screen.py" line="+25"/>
        <source>Donation intake</source>
        <translation>捐赠登记</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Print receipt</source>
        <translation>打印收据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import a list…</source>
        <translation>导入清单…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print labels again</source>
        <translation>重新打印标签</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Log a donation</source>
        <translation>登记捐赠</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+12"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Imported {n} items as receipt {receipt}.</source>
        <translation>已导入 {n} 件物品，收据号 {receipt}。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Saved receipt {receipt}: 1 item, {code}</source>
        <translation>已保存收据 {receipt}：共 1 件物品，编码 {code}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved receipt {receipt}: {n} items, {first} … {last}</source>
        <translation>已保存收据 {receipt}：共 {n} 件物品，编码 {first} … {last}</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Printing labels…</source>
        <translation>正在打印标签…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Printing receipt…</source>
        <translation>正在打印收据…</translation>
    </message>
</context>
<context>
    <name>ItemDetailDialog</name>
    <message>
        <location filename="../../desktop/items/item_detail_dialog.py" line="+43"/>
        <source>Item {code}</source>
        <translation>物品 {code}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>History</source>
        <translation>流转记录</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+48"/>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add photo…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Camera snapshot…</source>
        <translation>用摄像头拍照…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No camera is connected.</source>
        <translation>未连接摄像头。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Condition</source>
        <translation>成色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Estimated value</source>
        <translation>估值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Donor</source>
        <translation>捐赠人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipt</source>
        <translation>收据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sold for</source>
        <translation>售出价格</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>This item&apos;s story is complete.</source>
        <translation>此物品的流转已经结束，无需后续操作。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Sale price in ¥:</source>
        <translation>售价（¥）：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Passed on to (organisation):</source>
        <translation>转赠给（机构名称）：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>To store:</source>
        <translation>调入门店：</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+49"/>
        <source>Add a photo</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Images (*.jpg *.jpeg *.png *.webp *.bmp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.webp *.bmp)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Camera snapshot</source>
        <translation>拍照</translation>
    </message>
</context>
<context>
    <name>ItemTableModel</name>
    <message>
        <location filename="../../desktop/items/item_table_model.py" line="+102"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Condition</source>
        <translation>成色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Estimated value</source>
        <translation>估值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Donor</source>
        <translation>捐赠人</translation>
    </message>
</context>
<context>
    <name>ItemsScreen</name>
    <message>
        <location filename="../../desktop/items/items_screen.py" line="+42"/>
        <source>Items</source>
        <translation>物品</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Item code, e.g. S01-26-000123</source>
        <translation>物品编码，如 S01-26-000123</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Search description, code, category or donor</source>
        <translation>搜索描述、编码、类别或捐赠人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All conditions</source>
        <translation>全部成色</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Donor</source>
        <translation>捐赠人</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All stores</source>
        <translation>全部门店</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Searching items</source>
        <translation>正在搜索物品</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Counting items</source>
        <translation>正在统计物品数量</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} items shown</source>
        <translation>显示 {n} 件物品</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (more as you scroll)</source>
        <translation>（向下滚动可加载更多）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} of {total} items shown</source>
        <translation>显示 {n} 件物品，共 {total} 件</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No item has the code {code}.</source>
        <translation>没有编码为 {code} 的物品。</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <location filename="../../desktop/jobs.py" line="+82"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>KioskLock</name>
    <message>
        <location filename="../../desktop/kiosk/kiosk_lock.py" line="+22"/>
        <source>Staff PIN:</source>
        <translation>员工密码：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>That PIN is not right. The kiosk stays locked.</source>
        <translation>员工密码不正确，签到台仍保持锁定。</translation>
    </message>
</context>
<context>
    <name>KioskScreen</name>
    <message>
        <location filename="../../desktop/kiosk/kiosk_screen.py" line="+40"/>
        <source>No activity is open for check-in</source>
        <translation>没有开放签到的活动</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On the day, volunteers check in and out by showing their QR badge to a webcam or a USB scanner. Every scan is saved at once and answered on screen; it works without any network.</source>
        <translation>活动当天，志愿者向摄像头或 USB 扫码枪出示二维码胸卡即可签到和签退。每次扫码都会立即保存，并在屏幕上显示结果；全程无需联网。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open today&apos;s activity on the Activities screen.</source>
        <translation>在“活动”界面开启今天的活动。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Come back here and start the kiosk (F11 for full screen).</source>
        <translation>回到这里启动签到终端（按 F11 全屏）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When it ends, close the activity and resolve who is still checked in.</source>
        <translation>活动结束后，关闭活动并处理尚未签退的人员。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Activities open for check-in</source>
        <translation>开放签到的活动</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+45"/>
        <source>Start kiosk</source>
        <translation>启动签到台</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>{title} · {date} {start}–{end} · attendances: {n}</source>
        <translation>{title} · {date} {start}–{end} · 签到人次：{n}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Choose an open activity first.</source>
        <translation>请先选择一个开放签到的活动。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Leave kiosk</source>
        <translation>退出签到台</translation>
    </message>
</context>
<context>
    <name>KioskView</name>
    <message>
        <location filename="../../desktop/kiosk/kiosk_view.py" line="+129"/>
        <source>Check in and out</source>
        <translation>签到和签退</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check in only</source>
        <translation>仅签到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check out only</source>
        <translation>仅签退</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Scan a badge, or type the programme id from the roster and press Enter</source>
        <translation>请扫描胸卡，或输入报名名单上的项目志愿者编号后按 Enter 键</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>In now</source>
        <translation>当前在场</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attendances today</source>
        <translation>今日签到人次</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Still checked in</source>
        <translation>尚未签退</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Check in by name…</source>
        <translation>按姓名签到…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walk-in…</source>
        <translation>现场报名…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check out selected</source>
        <translation>为所选人员签退</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Full screen (F11)</source>
        <translation>全屏（F11）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close activity…</source>
        <translation>结束活动…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+301"/>
        <source>Leave kiosk</source>
        <translation>退出签到台</translation>
    </message>
    <message>
        <location line="-286"/>
        <source>Welcome!</source>
        <translation>欢迎！</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show your QR badge to the camera or the scanner.</source>
        <translation>请向摄像头或扫码枪出示您的 二维码胸卡。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>{title} · {date} {start}–{end} · this kiosk: {device}</source>
        <translation>{title} · {date} {start}–{end} · 本签到台：{device}</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>Something went wrong; the scan was not saved.</source>
        <translation>出现问题，本次扫码未保存。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not saved — please scan again</source>
        <translation>未保存——请重新扫码</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Checked in {time}</source>
        <translation>签到成功 {time}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Checked out · {hours} h this time</source>
        <translation>签退成功 · 本次 {hours} 小时</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Already scanned</source>
        <translation>已扫过码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not checked in</source>
        <translation>尚未签到</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{name} · since {time}</source>
        <translation>{name} · {time} 签到</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Check out</source>
        <translation>签退</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select someone in the list of people still checked in first.</source>
        <translation>请先在尚未签退的人员列表中选择一人。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Close activity</source>
        <translation>结束活动</translation>
    </message>
</context>
<context>
    <name>LineEntry</name>
    <message>
        <location filename="../../desktop/intake/line_entry.py" line="+49"/>
        <source>Category (type to search)</source>
        <translation>类别（输入文字可搜索）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. wool cardigan, size M</source>
        <translation>如：羊毛开衫，M 码</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>¥ each</source>
        <translation>单价（¥）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add line</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter in any field adds the line</source>
        <translation>在任一输入框中按 Enter 键即可添加此行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Condition</source>
        <translation>成色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Estimated value</source>
        <translation>估值</translation>
    </message>
</context>
<context>
    <name>LinesModel</name>
    <message>
        <location filename="../../desktop/intake/lines_model.py" line="+94"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Condition</source>
        <translation>成色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit value</source>
        <translation>单件估值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line total</source>
        <translation>小计</translation>
    </message>
</context>
<context>
    <name>LogRequestDialog</name>
    <message>
        <location filename="../../desktop/hours/log_request_dialog.py" line="+48"/>
        <source>Log a correction request</source>
        <translation>登记更正申请</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Write down what the volunteer asks to have corrected in their service record. The request stays open until it is answered.</source>
        <translation>记下志愿者要求更正服务记录的内容。答复之前，申请保持待处理状态。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(not about one activity)</source>
        <translation>（不针对某一活动）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>e.g. was at the 12 March sorting day, 3 hours missing</source>
        <translation>例如：参加了 3 月 12 日的分拣日，少记 3 小时</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request</source>
        <translation>申请内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logged by (staff)</source>
        <translation>登记人（员工）</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Choose the volunteer first.</source>
        <translation>请先选择志愿者。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="+48"/>
        <source>Partner Desk</source>
        <translation>伙伴工作台</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open another database…</source>
        <translation>打开其他数据库(&amp;O)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Restore from a backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Partner Desk</source>
        <translation>关于伙伴工作台(&amp;A)</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+1"/>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Scan</source>
        <translation>扫码</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>This is a volunteer badge ({name}). Volunteers check in and out on the Check-in screen.</source>
        <translation>这是志愿者 {name} 的胸卡。志愿者请在“签到”界面签到和签退。</translation>
    </message>
</context>
<context>
    <name>ManualCheckInDialog</name>
    <message>
        <location filename="../../desktop/kiosk/manual_check_in_dialog.py" line="+58"/>
        <source>Walk-in volunteer</source>
        <translation>现场报名志愿者</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Someone who is not registered yet: enter their name and phone number; they are added to the volunteer register and checked in.</source>
        <translation>适用于尚未登记的人员：输入其姓名和电话号码后，系统会将其加入志愿者名册并完成签到。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>They agree that their details are kept</source>
        <translation>本人同意保存其个人信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check in by name</source>
        <translation>按姓名签到</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name, pinyin initials, phone or volunteer code</source>
        <translation>姓名、拼音首字母、电话或志愿者编号</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Check in</source>
        <translation>签到</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Showing the first {n} matches; type more to narrow down.</source>
        <translation>仅显示前 {n} 个匹配结果；请输入更多内容以缩小范围。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nobody matches. Use “Walk-in…” to add a new volunteer.</source>
        <translation>没有匹配的人员。请用“现场报名…”添加新志愿者。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Agreed in person when walking in</source>
        <translation>现场报名时当面同意</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Ask whether they agree that their details are kept, and tick the box.</source>
        <translation>请询问对方是否同意保存个人信息，并勾选此项。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Choose a volunteer from the list first.</source>
        <translation>请先从列表中选择一位志愿者。</translation>
    </message>
</context>
<context>
    <name>OfficePanel</name>
    <message>
        <location filename="../../desktop/sync/office_panel.py" line="+53"/>
        <source>For the programme office: register each partner once with the public key from their Settings, then import the sync files they send (a USB stick or e-mail). Every file is checked completely before anything is saved; a damaged or forged file is refused and changes nothing.</source>
        <translation>供项目办使用：用各伙伴机构“设置”中显示的公钥为其登记一次，然后导入他们发来的同步文件（通过 U 盘或电子邮件）。每个文件在保存任何内容之前都会经过完整检查；损坏或伪造的文件会被拒绝，不会造成任何更改。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Register partner…</source>
        <translation>登记伙伴机构…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename or new key…</source>
        <translation>改名或更换密钥…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verify files…</source>
        <translation>校验文件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import files…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open as spreadsheets…</source>
        <translation>另存为表格…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check a sync file and save its tables as CSV files that Excel or WPS open with the Chinese intact</source>
        <translation>校验同步文件，并把其中的表格存为 Excel 或 WPS 能正常显示中文的 CSV 文件</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{n} partners registered. Double-click one to rename it or give it a new key.</source>
        <translation>已登记 {n} 家伙伴机构。双击某一家可以改名或为其更换密钥。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No partner registered yet: files can be verified but not imported.</source>
        <translation>尚未登记任何伙伴机构：可以校验文件，但不能导入。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Partner {code} registered.</source>
        <translation>伙伴机构 {code} 已登记。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Partner {code} now has its new key.</source>
        <translation>伙伴机构 {code} 已更换为新密钥。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Partner {code} saved.</source>
        <translation>伙伴机构 {code} 已保存。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Verify sync files</source>
        <translation>校验同步文件</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{ok} of {files} files are intact and correctly signed.</source>
        <translation>{files} 个文件中有 {ok} 个完好且签名正确。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Open as spreadsheets</source>
        <translation>另存为表格</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{n} tables saved in {folder}. The file is intact; it is signed with the key {fingerprint} — compare it with the partner&apos;s registered key.</source>
        <translation>已把 {n} 张表格保存到 {folder}。文件完整；签名密钥指纹为 {fingerprint}，请与该伙伴机构登记的密钥核对。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Import sync files</source>
        <translation>导入同步文件</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{files} files: {new} new, {updated} updated and {unchanged} unchanged records; {rejected} files refused.</source>
        <translation>{files} 个文件：新增 {new} 条、更新 {updated} 条、未变化 {unchanged} 条记录；拒绝 {rejected} 个文件。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Import cancelled. Files imported before the cancel stay imported.</source>
        <translation>导入已取消。取消前已导入的文件仍保持导入状态。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>File {n} of {total}: {name}</source>
        <translation>第 {n} 个文件，共 {total} 个：{name}</translation>
    </message>
</context>
<context>
    <name>PartnerModel</name>
    <message>
        <location filename="../../desktop/sync/partner_table_model.py" line="+35"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partner</source>
        <translation>伙伴机构</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key fingerprint</source>
        <translation>密钥指纹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files imported</source>
        <translation>已导入文件数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last import</source>
        <translation>最近导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{name} (inactive)</source>
        <translation>{name}（已停用）</translation>
    </message>
</context>
<context>
    <name>PeriodFilter</name>
    <message>
        <location filename="../../desktop/hours/period_filter.py" line="+74"/>
        <source>Period:</source>
        <translation>时间段：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+44"/>
        <source>All time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../desktop/i18n.py" line="+30"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../../desktop/self_test.py" line="+276"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>QuickAddDonorDialog</name>
    <message>
        <location filename="../../desktop/intake/quick_add_donor_dialog.py" line="+30"/>
        <source>New donor</source>
        <translation>新建捐赠人</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mobile or landline (optional)</source>
        <translation>手机或固定电话（选填）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
</context>
<context>
    <name>RateTableEditor</name>
    <message>
        <location filename="../../desktop/settings/rate_table_editor.py" line="+55"/>
        <source>Each rate applies from its date until the next one. The first rate must start on or before your first activity. Changes are saved together with “Save rate table”; hours already exported keep the amount they were sent with.</source>
        <translation>每个配捐标准从其生效日期起适用，直到下一个标准生效为止。第一个标准的生效日期不得晚于您的第一个活动。所有更改会在点击“保存配捐标准表”时一并保存；已导出的时长仍按导出时的金额计算。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Applies from (YYYY-MM-DD)</source>
        <translation>生效日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>¥ per hour</source>
        <translation>每小时金额（¥）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Add rate</source>
        <translation>添加标准</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undo changes</source>
        <translation>撤销更改</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+106"/>
        <source>Save rate table</source>
        <translation>保存配捐标准表</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Row {row}: “{text}” is not a date; write it like 2025-03-01.</source>
        <translation>第 {row} 行：“{text}”不是日期，请按 2025-03-01 的格式填写。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Row {row}: {problem}</source>
        <translation>第 {row} 行：{problem}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{problem}

Nothing was saved.</source>
        <translation>{problem}

未保存任何内容。</translation>
    </message>
</context>
<context>
    <name>RecalcPreviewDialog</name>
    <message>
        <location filename="../../desktop/settings/recalc_preview_dialog.py" line="+150"/>
        <source>Recalculation preview</source>
        <translation>重新计算预览</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+28"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location line="-27"/>
        <location line="+28"/>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What happens</source>
        <translation>变化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before</source>
        <translation>变更前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After</source>
        <translation>变更后</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pending hours that change ({n})</source>
        <translation>将变更的待审核时长（{n}）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>These hours are approved, so they are locked and will NOT change. If one is wrong, add a correction for it on the Hours screen.</source>
        <translation>这些时长已批准，因此已锁定，不会改变。如有错误，请在“服务时长”界面为其添加更正。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Under the new rules</source>
        <translation>按新规则</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Approved hours left unchanged ({n})</source>
        <translation>保持不变的已批准时长（{n}）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save rules and apply…</source>
        <translation>保存规则并应用…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>With these rules, {changed} pending entries would change and {unchanged} stay as they are. Pending hours in total: {before} h → {after} h.</source>
        <translation>按这些规则，{changed} 条待审核记录将会改变，{unchanged} 条保持不变。待审核时长合计：{before} 小时 → {after} 小时。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{n} approved entries would count differently but stay locked.</source>
        <translation>{n} 条已批准记录按新规则计算会有所不同，但仍保持锁定。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Applying would only save the rules.</source>
        <translation>应用后只会保存规则。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>new entry</source>
        <translation>新增记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no longer counts (rejected)</source>
        <translation>不再计入（已驳回）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>minutes change</source>
        <translation>分钟数变化</translation>
    </message>
</context>
<context>
    <name>RegisterPartnerDialog</name>
    <message>
        <location filename="../../desktop/sync/register_partner_dialog.py" line="+42"/>
        <source>Register a partner</source>
        <translation>登记伙伴机构</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ask the partner for the public key shown in their Settings (Keys and PIN) and copy it here. To be sure it is theirs, have them read out their key fingerprint over the phone and type it below.</source>
        <translation>请向伙伴机构索取其“设置”（密钥和 PIN 码）中显示的公钥，并复制到这里。为确认公钥确实属于对方，请让对方通过电话读出其密钥指纹，并填入下方。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>As in their QR codes, e.g. GREEN</source>
        <translation>与其二维码中的一致，例如 GREEN</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>44 characters, ending in “=”</source>
        <translation>44 个字符，以“=”结尾</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Optional: read out by the partner</source>
        <translation>选填：由伙伴机构读出</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Partner code</source>
        <translation>机构代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public key</source>
        <translation>公钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fingerprint</source>
        <translation>密钥指纹</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Replace the partner&apos;s key</source>
        <translation>更换伙伴机构的密钥</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{code} is registered with the key {old}. Replace it with the key {new}? Do this only if the partner made a new key: files signed with the old key will then be refused.</source>
        <translation>{code} 已登记的密钥为 {old}。要更换为密钥 {new} 吗？仅当该伙伴机构生成了新密钥时才应更换：之后用旧密钥签名的文件将被拒绝。</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <location filename="../../desktop/hours/resolve_dialog.py" line="+57"/>
        <source>Set the times</source>
        <translation>设置时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Discard attendance</source>
        <translation>作废签到记录</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Attendance at</source>
        <translation>签到活动</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Checked in</source>
        <translation>签到时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked out</source>
        <translation>签退时间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. leader confirmed the real time</source>
        <translation>例如：领队确认了实际时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. scanned by mistake, did not take part</source>
        <translation>例如：误扫，实际未参加</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../desktop/restore_dialog.py" line="+60"/>
        <location line="+192"/>
        <location line="+13"/>
        <location line="+20"/>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location line="-220"/>
        <source>Choose the copy to go back to. Backups are kept in {folder}; a daily backup is made automatically and the last 14 are kept.</source>
        <translation>请选择要恢复到的副本。备份保存在 {folder}；系统每天自动备份一次，并保留最近 14 份。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Contents</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+37"/>
        <source>Reading the backups…</source>
        <translation>正在读取备份…</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Other file…</source>
        <translation>其他文件…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore a backup kept elsewhere, for example on a USB stick</source>
        <translation>恢复保存在其他位置（例如 U 盘）的备份</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>There are no backups of this database yet. Use File → Back up now to make one, or “Other file…” to restore a copy kept elsewhere.</source>
        <translation>此数据库还没有备份。可使用“文件 → 立即备份”创建一份，或用“其他文件…”恢复保存在其他位置的副本。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Daily (automatic)</source>
        <translation>每日（自动）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made by hand</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Made automatically once a day while Partner Desk runs; the last 14 are kept.</source>
        <translation>伙伴工作台运行时每天自动备份一次，保留最近 14 份。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Made with File → Back up now.</source>
        <translation>通过“文件 → 立即备份”创建。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Made automatically before this version of Partner Desk upgraded the database.</source>
        <translation>此版本的伙伴工作台升级数据库之前自动创建。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The data as it was just before an earlier restore replaced it.</source>
        <translation>之前某次恢复覆盖数据前的数据。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{items} items, {volunteers} volunteers, {activities} activities, {scans} scans, {hours} hour entries</source>
        <translation>{items} 件物品、{volunteers} 位志愿者、{activities} 场活动、{scans} 条扫码记录、{hours} 条时长记录</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot be restored: {reason}</source>
        <translation>无法恢复：{reason}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>File: {path}</source>
        <translation>文件：{path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taken: {date}</source>
        <translation>备份时间：{date}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind: {kind}. {explanation}</source>
        <translation>类型：{kind}。{explanation}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Size: {size}</source>
        <translation>大小：{size}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Schema version: {revision}</source>
        <translation>结构版本：{revision}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Holds: {counts}</source>
        <translation>包含：{counts}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Restoring replaces all current data with this copy. The current data is first saved as a safety copy (kind “Before a restore”), so nothing is lost.</source>
        <translation>恢复会用此副本替换当前的全部数据。当前数据会先保存为一份安全副本（类型为“恢复前”），因此不会丢失任何数据。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Backups (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>备份文件 (*.sqlite3 *.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>nothing that could be counted</source>
        <translation>无可统计的内容</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Replace the current data with the backup of {date}?

The backup holds {contents}.

The current data is not lost: it is first saved as a safety copy in {folder} (listed here as “Before a restore”), so you can go back to it the same way.</source>
        <translation>要用 {date} 的备份替换当前数据吗？

该备份包含 {contents}。

当前数据不会丢失：它会先作为安全副本保存到 {folder}（在此列表中显示为“恢复前”），以后可以用同样的方法恢复回来。</translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <location filename="../../desktop/activities/roster_import_dialog.py" line="+52"/>
        <source>Import roster: {title}</source>
        <translation>导入报名名单：{title}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV or Excel: name, phone, programme volunteer id</source>
        <translation>CSV 或 Excel 文件：姓名、电话、项目志愿者编号</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Columns</source>
        <translation>列对应</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Check every row</source>
        <translation>逐行检查</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Register everyone</source>
        <translation>为所有人报名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programme volunteer id</source>
        <translation>项目志愿者编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employer</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employee number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose a roster</source>
        <translation>选择报名名单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rosters (*.csv *.xlsx);;All files (*)</source>
        <translation>报名名单 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Reading the file</source>
        <translation>正在读取文件</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(not in the file)</source>
        <translation>（文件中没有）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Columns not imported: {names}</source>
        <translation>不导入的列：{names}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Checking every row</source>
        <translation>正在逐行检查</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{n} problems found; fix them in the file (or the columns) and check again. Nothing was written.</source>
        <translation>发现 {n} 个问题；请在文件中（或列对应中）修正后再检查一次。没有写入任何数据。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{n} people on the list are ready to be registered.</source>
        <translation>名单上的 {n} 人核对无误，可以报名。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Registered {registered} (already on the roster: {already}); {created} new volunteers added to the register.</source>
        <translation>已报名 {registered} 人（原已在报名名单上：{already} 人）；{created} 位新志愿者已加入志愿者名册。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Registering</source>
        <translation>正在报名</translation>
    </message>
</context>
<context>
    <name>SealPicker</name>
    <message>
        <location filename="../../desktop/settings/seal_picker.py" line="+50"/>
        <source>Choose image…</source>
        <translation>选择图片…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+69"/>
        <source>Remove seal</source>
        <translation>删除公章</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>This seal is printed on service certificates and donation receipts.</source>
        <translation>此公章将印在志愿服务证明和捐赠收据上。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No seal</source>
        <translation>无公章</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No seal image yet. Scan your seal on white paper and choose the PNG or JPEG file; a transparent PNG looks best.</source>
        <translation>尚未设置公章图片。请将公章盖在白纸上并扫描，然后选择 PNG 或 JPEG 文件；透明背景的 PNG 效果最好。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose the seal image</source>
        <translation>选择公章图片</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Seal image</source>
        <translation>公章图片</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Seal image saved.</source>
        <translation>公章图片已保存。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove the seal? Certificates will be printed without it.</source>
        <translation>确定要删除公章吗？之后打印的证明将不带公章。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Seal removed.</source>
        <translation>公章已删除。</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../desktop/settings/settings_screen.py" line="+47"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Audit log…</source>
        <translation>审计日志…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Organisation</source>
        <translation>机构</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stores</source>
        <translation>门店</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matching rate</source>
        <translation>配捐标准</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hour rules</source>
        <translation>时长规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keys and PIN</source>
        <translation>密钥和 PIN 码</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+134"/>
        <location line="+182"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="-302"/>
        <source>Organisation code</source>
        <translation>机构代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+20"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Seal</source>
        <translation>公章</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Code, e.g. S05</source>
        <translation>代码，如 S05</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Store name</source>
        <translation>门店名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+182"/>
        <source>Add store</source>
        <translation>添加门店</translation>
    </message>
    <message>
        <location line="-169"/>
        <source>The sponsor&apos;s matching donation per approved volunteer hour. A new rate applies to activities on or after its date; earlier activities keep theirs.</source>
        <translation>资助方为每个已批准的志愿服务小时提供的配捐金额。新标准适用于生效日期当天及以后的活动；此前的活动仍按原标准计算。</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+12"/>
        <source>From</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Per hour</source>
        <translation>每小时</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>¥ per hour, e.g. 100</source>
        <translation>每小时金额（¥），如 100</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set rate</source>
        <translation>设定标准</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rate table</source>
        <translation>配捐标准表</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Signing key (register it with the programme office)</source>
        <translation>签名密钥（请到项目办登记）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copy public key</source>
        <translation>复制公钥</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Generate new keys…</source>
        <translation>生成新密钥…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fingerprint</source>
        <translation>密钥指纹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public key</source>
        <translation>公钥</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Staff PIN (locks the kiosk and approvals)</source>
        <translation>工作人员 PIN 码（用于锁定签到终端和审核操作）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set PIN…</source>
        <translation>设置 PIN 码…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove PIN</source>
        <translation>移除 PIN 码</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Your name (written in the records)</source>
        <translation>您的姓名（将记入各项记录）</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>A PIN is set.</source>
        <translation>已设置 PIN 码。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No PIN is set.</source>
        <translation>未设置 PIN 码。</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+19"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Save organisation</source>
        <translation>保存机构信息</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Set matching rate</source>
        <translation>设定配捐标准</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Generate new keys</source>
        <translation>生成新密钥</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New keys make every printed volunteer badge invalid, and the programme office must register the new fingerprint before it accepts your files. Continue?</source>
        <translation>生成新密钥后，所有已打印的志愿者胸卡都将失效，并且项目办须先登记新的密钥指纹，才会接收你们的文件。是否继续？</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reason (kept in the audit log):</source>
        <translation>原因（将记入审计日志）：</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Set staff PIN</source>
        <translation>设置工作人员 PIN 码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New PIN (4 to 8 digits):</source>
        <translation>新 PIN 码（4 至 8 位数字）：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type the PIN again:</source>
        <translation>再次输入 PIN 码：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The two PINs differ; nothing was changed.</source>
        <translation>两次输入的 PIN 码不一致，未做任何更改。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Remove staff PIN</source>
        <translation>移除工作人员 PIN 码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the staff PIN?</source>
        <translation>确定要移除工作人员 PIN 码吗？</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The new language is used the next time Partner Desk starts.</source>
        <translation>新语言将在下次启动伙伴工作台时生效。</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="+37"/>
        <source>Welcome to Partner Desk</source>
        <translation>欢迎使用伙伴工作台</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Before you start, tell Partner Desk about your organisation. You can change the name, stores and rate later in Settings; the code is printed on every label and badge, so choose it with care.</source>
        <translation>开始使用前，请先填写贵机构的信息。机构名称、门店和配捐标准以后可在“设置”中修改；机构代码会印在每张标签和胸卡上，请慎重选择。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>e.g. Green Sprout Community Service Centre</source>
        <translation>例如：绿芽社区服务中心</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>2–12 letters or digits, e.g. GREEN</source>
        <translation>2–12 位字母或数字，如 GREEN</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Written in the records you make</source>
        <translation>将记入您创建的记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organisation name</source>
        <translation>机构名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation code</source>
        <translation>机构代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matching donation (¥ per approved hour)</source>
        <translation>配捐金额（每个已批准小时，¥）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stores or sites (code and name)</source>
        <translation>门店或站点（代码和名称）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add store</source>
        <translation>添加门店</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove store</source>
        <translation>删除门店</translation>
    </message>
</context>
<context>
    <name>SignupImportDialog</name>
    <message>
        <location filename="../../desktop/volunteers/signup_import_dialog.py" line="+22"/>
        <source>Import a sign-up list</source>
        <translation>导入报名名单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV or Excel: name, phone, employer, employee number, programme id, skills</source>
        <translation>CSV 或 Excel：姓名、手机号、单位、工号、项目志愿者编号、技能</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent given when signing up</source>
        <translation>报名时已同意保存个人信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the people on the list agreed to their data</source>
        <translation>名单上的人是如何同意保存其个人信息的</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{new} new volunteers, {updated} existing records to update.</source>
        <translation>新志愿者 {new} 位，需更新的已有记录 {updated} 条。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Imported: {new} new, {updated} updated, {unchanged} unchanged.</source>
        <translation>已导入：新增 {new} 位，更新 {updated} 位，未变 {unchanged} 位。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
</context>
<context>
    <name>SupplementalDialog</name>
    <message>
        <location filename="../../desktop/hours/supplemental_dialog.py" line="+50"/>
        <source>Supplemental entry</source>
        <translation>补录时长</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>For hours the check-in kiosk did not record, e.g. from a paper sign-in sheet. The entry starts as pending and counts only once approved.</source>
        <translation>用于补录签到台未记录的时长，例如纸质签到表上的记录。补录记录初始为待审核，批准后才计入。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(no activity)</source>
        <translation>（无活动）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>e.g. signed the paper sheet, kiosk was off</source>
        <translation>例如：在纸质签到表上签了到，签到台未开启</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entered by (staff)</source>
        <translation>录入人（工作人员）</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Choose the volunteer first.</source>
        <translation>请先选择志愿者。</translation>
    </message>
</context>
<context>
    <name>SyncChoosers</name>
    <message>
        <location filename="../../desktop/sync/choosers.py" line="+27"/>
        <source>Partner Desk sync files (*.pdsync);;All files (*)</source>
        <translation>伙伴工作台同步文件 (*.pdsync);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Excel workbook (*.xlsx);;CSV for Excel/WPS (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;适用于 Excel/WPS 的 CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <location filename="../../desktop/sync/sync_screen.py" line="+60"/>
        <source>Nothing exported or imported yet</source>
        <translation>尚未导出或导入任何数据</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Send your activity results (attendance, hours, matching amount, feedback and a donation summary) to the programme office as a signed file on a USB stick or by e-mail. The office imports files from every partner.</source>
        <translation>将活动成果（出勤、服务时长、配捐金额、反馈和捐赠汇总）生成带签名的文件，用 U 盘或电子邮件发送给项目办。项目办会导入各伙伴机构的文件。</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Give the programme office your key fingerprint (shown in Settings) once.</source>
        <translation>将本机构的密钥指纹（见“设置”）提供给项目办，只需提供一次。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export every week or month; each export follows the previous one.</source>
        <translation>每周或每月导出一次；每次导出都接续上一次。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programme office: register each partner, then import their files.</source>
        <translation>项目办：先登记各伙伴机构，再导入其文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>History</source>
        <translation>导出和导入记录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Partners and import</source>
        <translation>伙伴机构和导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programme dashboard</source>
        <translation>项目数据看板</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Your signing key: give it to the programme office once</source>
        <translation>本机构的签名密钥：请提供给项目办（只需一次）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Copy public key</source>
        <translation>复制公钥</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export and import history</source>
        <translation>导出和导入记录</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Key fingerprint: {fp}</source>
        <translation>密钥指纹：{fp}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Public key copied: paste it into an e-mail to the programme office.</source>
        <translation>公钥已复制：请粘贴到电子邮件中发送给项目办。</translation>
    </message>
    <message>
        <location line="-107"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>VolunteerDialog</name>
    <message>
        <location filename="../../desktop/volunteers/volunteer_dialog.py" line="+29"/>
        <source>Edit volunteer</source>
        <translation>编辑志愿者</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New volunteer</source>
        <translation>新增志愿者</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Agreed that we keep their data</source>
        <translation>同意保存个人信息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How, e.g. paper form on file</source>
        <translation>同意方式，如纸质表格已存档</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employer</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employee number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programme volunteer id</source>
        <translation>项目志愿者编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Consent note</source>
        <translation>同意说明</translation>
    </message>
</context>
<context>
    <name>VolunteerHoursModel</name>
    <message>
        <location filename="../../desktop/hours/hours_table_model.py" line="+20"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attendances</source>
        <translation>签到人次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours</source>
        <translation>时长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved hours</source>
        <translation>已批准时长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending hours</source>
        <translation>待审核时长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matching</source>
        <translation>配捐</translation>
    </message>
</context>
<context>
    <name>VolunteerPicker</name>
    <message>
        <location filename="../../desktop/hours/volunteer_picker.py" line="+25"/>
        <source>Name, pinyin initials, phone or volunteer code</source>
        <translation>姓名、拼音首字母、电话或志愿者编号</translation>
    </message>
</context>
<context>
    <name>VolunteersScreen</name>
    <message>
        <location filename="../../desktop/volunteers/volunteers_screen.py" line="+48"/>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New volunteer…</source>
        <translation>新增志愿者…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import a sign-up list…</source>
        <translation>导入报名名单…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Search name, pinyin initials (e.g. ZS), phone, code or programme id</source>
        <translation>搜索姓名、拼音首字母（如 ZS）、电话、编号或项目志愿者编号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show inactive</source>
        <translation>显示已停用</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employer</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programme id</source>
        <translation>项目志愿者编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Badge</source>
        <translation>胸卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+95"/>
        <source>Deactivate…</source>
        <translation>停用…</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>Merge the two selected…</source>
        <translation>合并所选的两条记录…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+216"/>
        <source>Issue badge</source>
        <translation>发放胸卡</translation>
    </message>
    <message>
        <location line="-215"/>
        <source>Reissue badge…</source>
        <translation>补发胸卡…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retire badge…</source>
        <translation>停用胸卡…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print badges</source>
        <translation>打印胸卡</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>No. {n}</source>
        <translation>第 {n} 张</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>活跃</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Inactive</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No volunteers yet. Add them with “New volunteer…”, or import an activity&apos;s roster on the Activities screen.</source>
        <translation>还没有志愿者。请用“新增志愿者…”添加，或在“活动”界面导入活动的报名名单。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{n} volunteers shown</source>
        <translation>显示 {n} 位志愿者</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Reactivate…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reactivate</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason for {name} (kept in the audit log):</source>
        <translation>原因（{name}，将记入审计日志）：</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Merge volunteers</source>
        <translation>合并志愿者</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Merge {other_name} ({other}) into {keep_name} ({keep})? All of {other}&apos;s history moves to {keep}. Reason (kept in the audit log):</source>
        <translation>确定将 {other_name}（{other}）合并到 {keep_name}（{keep}）吗？{other} 的全部历史记录都将转到 {keep} 名下。原因（将记入审计日志）：</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Merged. Moved: {reg} registrations, {scans} scans, {sessions} attendances, {hours} hour entries.</source>
        <translation>已合并。已转移：{reg} 条报名记录、{scans} 条扫码记录、{sessions} 条签到记录、{hours} 条时长记录。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Retire badge</source>
        <translation>停用胸卡</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reissue badge</source>
        <translation>补发胸卡</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Why? e.g. lost, damaged (kept in the audit log). The old badge stops working.</source>
        <translation>原因？如遗失、损坏（将记入审计日志）。旧胸卡将随即失效。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Printing badges…</source>
        <translation>正在打印胸卡…</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../desktop/app.py" line="+82"/>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Open another database</source>
        <translation>打开其他数据库</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Partner Desk databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>伙伴工作台数据库 (*.sqlite3 *.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+17"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>This database is on a server; back it up with the server&apos;s own tools.</source>
        <translation>此数据库位于服务器上，请使用服务器自带的工具备份。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Backup written to {path}</source>
        <translation>备份已保存到 {path}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Restored. The data from before is kept in {path}</source>
        <translation>已恢复。恢复前的数据保存在 {path}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>About Partner Desk</source>
        <translation>关于伙伴工作台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Partner Desk {version}&lt;/h3&gt;&lt;p&gt;Donation intake, volunteer check-in, service hours and sync for partner NGOs — offline.&lt;/p&gt;&lt;p&gt;Database: {db}&lt;br&gt;Data folder: {data}&lt;/p&gt;&lt;p&gt;Chinese font: WenQuanYi Micro Hei (Apache License 2.0).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;伙伴工作台 {version}&lt;/h3&gt;&lt;p&gt;为伙伴公益机构提供捐赠登记、志愿者签到、服务时长和数据同步——无需联网。&lt;/p&gt;&lt;p&gt;数据库：{db}&lt;br&gt;数据文件夹：{data}&lt;/p&gt;&lt;p&gt;中文字体：文泉驿微米黑（Apache License 2.0）。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <location filename="../../desktop/cli.py" line="+211"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Interrupted.</source>
        <translation>已中断。</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Demo data written to {db}:</source>
        <translation>演示数据已写入 {db}：</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>No QR code found.</source>
        <translation>未找到 二维码。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not checked against a database (there is none, or it has no organisation yet).</source>
        <translation>未与数据库核对（没有数据库，或数据库尚未设置机构信息）。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{reason} (and {n} more pictures not read)</source>
        <translation>{reason}（另有 {n} 张图片未能读取）</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Database: {db}</source>
        <translation>数据库：{db}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Integrity: {result}</source>
        <translation>完整性：{result}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Broken links between records: {n}</source>
        <translation>记录间失效的关联：{n}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Schema: {revision} (latest: {head}, {status})</source>
        <translation>数据库结构版本：{revision}（最新：{head}，{status}）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The database is damaged. Restore a good backup (File → Restore from a backup).</source>
        <translation>数据库已损坏。请恢复一份完好的备份（文件 → 从备份恢复）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Newest good backup: {path} (taken {date}).</source>
        <translation>最新的完好备份：{path}（备份时间 {date}）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No good backup was found in {folder}.</source>
        <translation>在 {folder} 中未找到完好的备份。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The schema will be upgraded when Partner Desk next opens it.</source>
        <translation>下次用伙伴工作台打开此数据库时，将自动升级其结构。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Backup written to {path} ({size:,} bytes).</source>
        <translation>备份已保存到 {path}（{size:,} 字节）。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>{n} labels on {pages} pages written to {path}</source>
        <translation>已将 {n} 张标签（共 {pages} 页）写入 {path}</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>{n} badges written to {path}</source>
        <translation>已生成 {n} 张胸卡：{path}</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>checked in</source>
        <translation>已签到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>checked out</source>
        <translation>已签退</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ignored (duplicate)</source>
        <translation>已忽略（重复）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>{checked_in} checked in, {checked_out} checked out, {duplicate} ignored as duplicates, {rejected} rejected.</source>
        <translation>签到 {checked_in} 次，签退 {checked_out} 次，重复忽略 {duplicate} 次，拒绝 {rejected} 次。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_sync.py" line="+103"/>
        <source>{reason} (and {n} more files failed)</source>
        <translation>{reason}（另有 {n} 个文件失败）</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <location filename="../../desktop/crash.py" line="+43"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partner Desk ran into a problem it did not expect. Your saved data is safe. Please send the details below to your support contact.</source>
        <translation>伙伴工作台遇到了意外问题。已保存的数据不会丢失。请将下方的详细信息发送给您的技术支持联系人。</translation>
    </message>
</context>
<context>
    <name>documents</name>
    <message>
        <location filename="../../desktop/documents.py" line="+60"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Saved as {path}.

No program to open it was found on this computer: open it from that folder, or install a PDF reader to print it.</source>
        <translation>已保存为 {path}。

这台电脑上没有找到可以打开它的程序：请从该文件夹中打开，或安装 PDF 阅读器后打印。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The files are in {folder}. No file manager was found to show it.</source>
        <translation>文件在 {folder}。没有找到可以显示该文件夹的文件管理器。</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../desktop/labels.py" line="+19"/>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sorted</source>
        <translation>已分拣</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On shelf</source>
        <translation>已上架</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sold</source>
        <translation>已售出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passed on</source>
        <translation>已转赠</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recycled</source>
        <translation>已回收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discarded</source>
        <translation>已报废</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unsellable</source>
        <translation>不可售</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Walk-in</source>
        <translation>上门捐赠</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Courier</source>
        <translation>快递寄送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pickup</source>
        <translation>上门收取</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Corporate delivery</source>
        <translation>企业送达</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Imported list</source>
        <translation>导入清单</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Individual</source>
        <translation>个人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Company</source>
        <translation>企业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Received</source>
        <comment>event</comment>
        <translation>接收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sort</source>
        <translation>分拣</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put on shelf</source>
        <translation>上架</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sell</source>
        <translation>售出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass on to a charity</source>
        <translation>转赠其他公益机构</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recycle</source>
        <translation>回收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>报废</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfer to a store</source>
        <translation>调拨到门店</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label printed</source>
        <translation>已打印标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>navigation</name>
    <message>
        <location filename="../../desktop/navigation.py" line="+27"/>
        <location filename="../../desktop/self_test.py" line="-2"/>
        <source>Intake</source>
        <translation>捐赠登记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items</source>
        <translation>物品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activities</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check-in</source>
        <translation>签到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>recalc</name>
    <message>
        <location filename="../../desktop/settings/recalc_preview_dialog.py" line="-159"/>
        <source>outside the activity time (with grace)</source>
        <translation>超出活动时间（含宽限时间）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>too small a share of the activity</source>
        <translation>占活动时长比例过低</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>shorter than the minimum session</source>
        <translation>短于单次最短时长</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>rounded</source>
        <translation>已取整</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cap per session</source>
        <translation>单次时长上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cap per day</source>
        <translation>每日时长上限</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{minutes} min ({hours} h)</source>
        <translation>{minutes} 分钟（{hours} 小时）</translation>
    </message>
</context>
</TS>
