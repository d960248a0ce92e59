<html><head><meta charset="utf-8"><title>通知公告</title></head><body>
<ul class="list"><li><a href="/jsp/1.jsp?id=1">关于开展政务公开日活动的通知</a><span>2024-05-15</span></li></ul>
</body></html>
