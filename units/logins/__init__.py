"""The login records of django-axes (the login lockout) in the admin, in Chinese: proxy models of
its three models, named in Chinese and grouped as 登录安全."""
