<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivitiesScreen</name>
    <message>
        <location filename="../../desktop/activities/activities_screen.py" line="+45"/>
        <location line="+96"/>
        <source>Activities</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="-92"/>
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
        <location line="+168"/>
        <source>Open for check-in</source>
        <translation>开放签到</translation>
    </message>
    <message>
        <location line="-167"/>
        <location line="+168"/>
        <source>Close</source>
        <translation>结束活动</translation>
    </message>
    <message>
        <location line="-167"/>
        <source>Reopen…</source>
        <translation>重新开放…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+197"/>
        <source>Delete draft</source>
        <translation>删除草稿</translation>
    </message>
    <message>
        <location line="-196"/>
        <source>Import roster…</source>
        <translation>导入报名名单…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Roster</source>
        <translation>报名名单</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Checked in now</source>
        <translation>当前已签到</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Choose an activity to see its roster.</source>
        <translation>请选择一个活动，查看其报名名单。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Roster ({n})</source>
        <translation>报名名单（{n}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checked in now ({n})</source>
        <translation>当前已签到（{n}）</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Reopen</source>
        <translation>重新开放</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Why reopen this activity? (kept in the audit log)</source>
        <translation>为什么要重新开放此活动？（将记入审计日志）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Delete the draft “{title}”?</source>
        <translation>确定要删除草稿“{title}”吗？</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <location filename="../../desktop/activities/activity_dialog.py" line="+41"/>
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
    <name>HoursScreen</name>
    <message>
        <location filename="../../desktop/hours/hours_screen.py" line="+24"/>
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
        <location line="+8"/>
        <source>Service hours</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All activities</source>
        <translation>全部活动</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Attendances</source>
        <translation>签到人次</translation>
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
        <source>Entries to review</source>
        <translation>待审核记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still checked in</source>
        <translation>尚未签退</translation>
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
        <location line="+26"/>
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
        <location filename="../../desktop/intake/intake_form.py" line="+51"/>
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
        <location filename="../../desktop/intake/intake_screen.py" line="+24"/>
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
        <location line="+9"/>
        <source>Saved receipt {receipt}: {n} items, {first} … {last}</source>
        <translation>已保存收据 {receipt}：共 {n} 件物品，编码 {first} … {last}</translation>
    </message>
    <message>
        <location line="+36"/>
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
        <translation>编码</translation>
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
        <translation>接收时间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sold for</source>
        <translation>售出价格</translation>
    </message>
    <message>
        <location line="+37"/>
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
        <translation>编码</translation>
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
        <translation>接收日期</translation>
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
        <translation>接收日期</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Donor</source>
        <translation>捐赠人</translation>
    </message>
    <message>
        <location line="+60"/>
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
    <name>KioskScreen</name>
    <message>
        <location filename="../../desktop/kiosk/kiosk_screen.py" line="+24"/>
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
        <location line="+8"/>
        <source>Activities open for check-in</source>
        <translation>开放签到的活动</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{title} · {date} {start}–{end} · attendances: {n}</source>
        <translation>{title} · {date} {start}–{end} · 签到人次：{n}</translation>
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
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="+43"/>
        <source>Partner Desk</source>
        <translation>伙伴工作台</translation>
    </message>
    <message>
        <location line="+84"/>
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
        <location line="+8"/>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <location line="+23"/>
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
    <name>QuickAddDonorDialog</name>
    <message>
        <location filename="../../desktop/intake/quick_add_donor_dialog.py" line="+29"/>
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
        <translation>姓名/名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <location filename="../../desktop/activities/roster_import_dialog.py" line="+51"/>
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
    <name>SettingsScreen</name>
    <message>
        <location filename="../../desktop/settings/settings_screen.py" line="+43"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+5"/>
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
        <location line="+1"/>
        <source>Keys and PIN</source>
        <translation>密钥和 PIN 码</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+126"/>
        <location line="+167"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="-279"/>
        <source>Organisation code</source>
        <translation>机构代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+17"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="-16"/>
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
        <location line="+1"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Code</source>
        <translation>代码</translation>
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
        <location line="+162"/>
        <source>Add store</source>
        <translation>添加门店</translation>
    </message>
    <message>
        <location line="-149"/>
        <source>The sponsor&apos;s matching donation per approved volunteer hour. A new rate applies to activities on or after its date; earlier activities keep theirs.</source>
        <translation>资助方为每个已批准的志愿服务小时提供的配捐金额。新标准适用于生效日期当天及以后的活动；此前的活动仍按原标准计算。</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+12"/>
        <source>From</source>
        <translation>生效日期</translation>
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
        <location line="+12"/>
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
        <location line="+21"/>
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
        <location filename="../../desktop/setup_dialog.py" line="+36"/>
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
        <translation>代码</translation>
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
    <name>SyncScreen</name>
    <message>
        <location filename="../../desktop/sync/sync_screen.py" line="+20"/>
        <source>Nothing exported or imported yet</source>
        <translation>尚未导出或导入任何数据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send your activity results (attendance, hours, matching amount, feedback and a donation summary) to the programme office as a signed file on a USB stick or by e-mail. The office imports files from every partner.</source>
        <translation>将活动成果（出勤、服务时长、配捐金额、反馈和捐赠汇总）生成带签名的文件，用 U 盘或电子邮件发送给项目办。项目办会导入各伙伴机构的文件。</translation>
    </message>
    <message>
        <location line="+5"/>
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
        <location line="+8"/>
        <source>Export and import history</source>
        <translation>导出和导入记录</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Key fingerprint: {fp}</source>
        <translation>密钥指纹：{fp}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>VolunteerDialog</name>
    <message>
        <location filename="../../desktop/volunteers/volunteer_dialog.py" line="+28"/>
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
    <name>VolunteersScreen</name>
    <message>
        <location filename="../../desktop/volunteers/volunteers_screen.py" line="+46"/>
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
        <location line="+12"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+92"/>
        <source>Deactivate…</source>
        <translation>停用…</translation>
    </message>
    <message>
        <location line="-91"/>
        <source>Merge the two selected…</source>
        <translation>合并所选的两条记录…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+213"/>
        <source>Issue badge</source>
        <translation>发放胸卡</translation>
    </message>
    <message>
        <location line="-212"/>
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
        <location line="+15"/>
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
        <location filename="../../desktop/app.py" line="+86"/>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location line="+71"/>
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
        <location line="+15"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>This database is on a server; back it up with the server&apos;s own tools.</source>
        <translation>此数据库位于服务器上，请使用服务器自带的工具备份。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Backup written to {path}</source>
        <translation>备份已保存到 {path}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+8"/>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Backups (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>备份文件 (*.sqlite3 *.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Replace the current data with the backup of {date}?
It holds {items} items, {volunteers} volunteers and {activities} activities.
The current data is saved as a backup first.</source>
        <translation>要用 {date} 的备份替换当前数据吗？
该备份包含 {items} 件物品、{volunteers} 名志愿者和 {activities} 个活动。
当前数据会先另存为一份备份。</translation>
    </message>
    <message>
        <location line="+25"/>
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
        <location filename="../../desktop/cli.py" line="+160"/>
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
        <location line="+29"/>
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
    <name>labels</name>
    <message>
        <location filename="../../desktop/labels.py" line="+19"/>
        <location line="+51"/>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <location line="-50"/>
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
        <location line="+8"/>
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
</TS>
