# sakip's messages in English. Each message has the same id in id.ftl.
# Values are `{ $name }`; `.help` is how to fix a problem.

severity-error = error
severity-warning = warning
severity-info = info

help-label = help
