-- Deadline module: the working calendar and the configurable period rules.
--
-- Statutory clocks count calendar days (自然日) or working days (工作日). Which days are worked
-- depends on the State Council's holiday notice for each year: holidays (放假) are off even on a
-- weekday, and 调休 make-up days (上班) are worked even on a weekend. Only those exceptions are
-- stored; every other date follows the weekday rule (Monday to Friday work).

create schema if not exists deadline;

create table deadline.calendar_day (
    day        date primary key,
    kind       text not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name       text not null,
    updated_at timestamptz not null default now()
);

comment on table deadline.calendar_day is
    '法定节假日 (HOLIDAY) and 调休上班日 (WORKDAY) from the 国务院办公厅 holiday notices; unlisted dates: Mon-Fri work, Sat/Sun rest';
comment on column deadline.calendar_day.name is
    'The holiday the day belongs to; for a WORKDAY, the holiday it makes up for';

-- Administrators may change a period's length and day count: whether a bare "N日" in the
-- 条例 means calendar days is an inference (domain-law.md section 4), not settled law.
create table deadline.period_rule (
    period     text primary key,
    days       int  not null check (days between 1 and 365),
    day_count  text not null check (day_count in ('CALENDAR', 'WORKING')),
    updated_at timestamptz not null default now()
);

comment on table deadline.period_rule is
    'Length and day count of each StatutoryPeriod; a period without a row uses its default';

insert into deadline.period_rule (period, days, day_count) values
    ('ROUTE',               15, 'CALENDAR'), -- 登记后转送/交办, 条例 Art.22
    ('ACKNOWLEDGE',         15, 'CALENDAR'), -- 承办单位书面告知, 条例 Art.23
    ('HANDLE',              60, 'CALENDAR'), -- 办理
    ('EXTENSION',           30, 'CALENDAR'), -- 延期, at most
    ('MISROUTE_OBJECTION',   5, 'WORKING'),  -- 异议退回, "5个工作日", 条例 Art.23
    ('SIMPLIFIED',          10, 'WORKING'),  -- 简易办理
    ('REVIEW_REQUEST',      30, 'CALENDAR'), -- 申请复查
    ('REVIEW_ANSWER',       30, 'CALENDAR'), -- 复查答复
    ('RECHECK_REQUEST',     30, 'CALENDAR'), -- 申请复核
    ('RECHECK_ANSWER',      30, 'CALENDAR'), -- 复核答复
    ('ASSIGNMENT_FEEDBACK', 60, 'CALENDAR'); -- 交办反馈, default when the case sets none

-- 2025: 国务院办公厅关于2025年部分节假日安排的通知, 国办发明电〔2024〕12号, 2024-11-12.
-- First year under the 《全国年节及纪念日放假办法》 as revised in November 2024 (春节 and 劳动节
-- one day longer). 元旦 1 day without 调休; 春节 01-28..02-04, work 01-26, 02-08; 清明节 04-04..06;
-- 劳动节 05-01..05, work 04-27; 端午节 05-31..06-02; 国庆节、中秋节 10-01..08, work 09-28, 10-11.
insert into deadline.calendar_day (day, kind, name) values
    ('2025-01-01', 'HOLIDAY', '元旦'), -- 周三
    ('2025-01-26', 'WORKDAY', '春节'), -- 周日
    ('2025-01-28', 'HOLIDAY', '春节'), -- 周二
    ('2025-01-29', 'HOLIDAY', '春节'), -- 周三
    ('2025-01-30', 'HOLIDAY', '春节'), -- 周四
    ('2025-01-31', 'HOLIDAY', '春节'), -- 周五
    ('2025-02-01', 'HOLIDAY', '春节'), -- 周六
    ('2025-02-02', 'HOLIDAY', '春节'), -- 周日
    ('2025-02-03', 'HOLIDAY', '春节'), -- 周一
    ('2025-02-04', 'HOLIDAY', '春节'), -- 周二
    ('2025-02-08', 'WORKDAY', '春节'), -- 周六
    ('2025-04-04', 'HOLIDAY', '清明节'), -- 周五
    ('2025-04-05', 'HOLIDAY', '清明节'), -- 周六
    ('2025-04-06', 'HOLIDAY', '清明节'), -- 周日
    ('2025-04-27', 'WORKDAY', '劳动节'), -- 周日
    ('2025-05-01', 'HOLIDAY', '劳动节'), -- 周四
    ('2025-05-02', 'HOLIDAY', '劳动节'), -- 周五
    ('2025-05-03', 'HOLIDAY', '劳动节'), -- 周六
    ('2025-05-04', 'HOLIDAY', '劳动节'), -- 周日
    ('2025-05-05', 'HOLIDAY', '劳动节'), -- 周一
    ('2025-05-31', 'HOLIDAY', '端午节'), -- 周六
    ('2025-06-01', 'HOLIDAY', '端午节'), -- 周日
    ('2025-06-02', 'HOLIDAY', '端午节'), -- 周一
    ('2025-09-28', 'WORKDAY', '国庆节、中秋节'), -- 周日
    ('2025-10-01', 'HOLIDAY', '国庆节、中秋节'), -- 周三
    ('2025-10-02', 'HOLIDAY', '国庆节、中秋节'), -- 周四
    ('2025-10-03', 'HOLIDAY', '国庆节、中秋节'), -- 周五
    ('2025-10-04', 'HOLIDAY', '国庆节、中秋节'), -- 周六
    ('2025-10-05', 'HOLIDAY', '国庆节、中秋节'), -- 周日
    ('2025-10-06', 'HOLIDAY', '国庆节、中秋节'), -- 周一
    ('2025-10-07', 'HOLIDAY', '国庆节、中秋节'), -- 周二
    ('2025-10-08', 'HOLIDAY', '国庆节、中秋节'), -- 周三
    ('2025-10-11', 'WORKDAY', '国庆节、中秋节'); -- 周六

-- 2026: 国务院办公厅关于2026年部分节假日安排的通知, 国办发明电〔2025〕7号, 2025-11-04
-- (www.gov.cn/zhengce/content/202511/content_7047090.htm).
-- 元旦 01-01..03, work 01-04; 春节 02-15..23, work 02-14, 02-28; 清明节 04-04..06; 劳动节 05-01..05,
-- work 05-09; 端午节 06-19..21; 中秋节 09-25..27; 国庆节 10-01..07, work 09-20, 10-10.
insert into deadline.calendar_day (day, kind, name) values
    ('2026-01-01', 'HOLIDAY', '元旦'), -- 周四
    ('2026-01-02', 'HOLIDAY', '元旦'), -- 周五
    ('2026-01-03', 'HOLIDAY', '元旦'), -- 周六
    ('2026-01-04', 'WORKDAY', '元旦'), -- 周日
    ('2026-02-14', 'WORKDAY', '春节'), -- 周六
    ('2026-02-15', 'HOLIDAY', '春节'), -- 周日
    ('2026-02-16', 'HOLIDAY', '春节'), -- 周一
    ('2026-02-17', 'HOLIDAY', '春节'), -- 周二
    ('2026-02-18', 'HOLIDAY', '春节'), -- 周三
    ('2026-02-19', 'HOLIDAY', '春节'), -- 周四
    ('2026-02-20', 'HOLIDAY', '春节'), -- 周五
    ('2026-02-21', 'HOLIDAY', '春节'), -- 周六
    ('2026-02-22', 'HOLIDAY', '春节'), -- 周日
    ('2026-02-23', 'HOLIDAY', '春节'), -- 周一
    ('2026-02-28', 'WORKDAY', '春节'), -- 周六
    ('2026-04-04', 'HOLIDAY', '清明节'), -- 周六
    ('2026-04-05', 'HOLIDAY', '清明节'), -- 周日
    ('2026-04-06', 'HOLIDAY', '清明节'), -- 周一
    ('2026-05-01', 'HOLIDAY', '劳动节'), -- 周五
    ('2026-05-02', 'HOLIDAY', '劳动节'), -- 周六
    ('2026-05-03', 'HOLIDAY', '劳动节'), -- 周日
    ('2026-05-04', 'HOLIDAY', '劳动节'), -- 周一
    ('2026-05-05', 'HOLIDAY', '劳动节'), -- 周二
    ('2026-05-09', 'WORKDAY', '劳动节'), -- 周六
    ('2026-06-19', 'HOLIDAY', '端午节'), -- 周五
    ('2026-06-20', 'HOLIDAY', '端午节'), -- 周六
    ('2026-06-21', 'HOLIDAY', '端午节'), -- 周日
    ('2026-09-20', 'WORKDAY', '国庆节'), -- 周日
    ('2026-09-25', 'HOLIDAY', '中秋节'), -- 周五
    ('2026-09-26', 'HOLIDAY', '中秋节'), -- 周六
    ('2026-09-27', 'HOLIDAY', '中秋节'), -- 周日
    ('2026-10-01', 'HOLIDAY', '国庆节'), -- 周四
    ('2026-10-02', 'HOLIDAY', '国庆节'), -- 周五
    ('2026-10-03', 'HOLIDAY', '国庆节'), -- 周六
    ('2026-10-04', 'HOLIDAY', '国庆节'), -- 周日
    ('2026-10-05', 'HOLIDAY', '国庆节'), -- 周一
    ('2026-10-06', 'HOLIDAY', '国庆节'), -- 周二
    ('2026-10-07', 'HOLIDAY', '国庆节'), -- 周三
    ('2026-10-10', 'WORKDAY', '国庆节'); -- 周六

-- 2027: not seeded. No 国务院办公厅 notice for 2027 was found when this migration was written
-- (the notice usually appears in November or December of the year before). Administrators enter
-- it when it is published; until then 2027 dates follow the plain weekday rule, so deadlines
-- in 2027 may land on a holiday.
