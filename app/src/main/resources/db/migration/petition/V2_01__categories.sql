-- 内容分类: the category tree administrators maintain. The first level follows the classes common to
-- petition and government-message boards; key_domain marks the domains early warning weighs higher
-- (房地产、金融、劳动关系、教育医疗、环境保护).
CREATE TABLE petition.category (
    code        TEXT    PRIMARY KEY CHECK (code ~ '^[A-Z0-9_]{2,40}$'),
    name        TEXT    NOT NULL,
    parent_code TEXT REFERENCES petition.category (code),
    level       INT     NOT NULL CHECK (level BETWEEN 1 AND 3),
    key_domain  BOOLEAN NOT NULL DEFAULT FALSE,
    sort_order  INT     NOT NULL DEFAULT 0,
    active      BOOLEAN NOT NULL DEFAULT TRUE,
    UNIQUE (parent_code, name)
);

INSERT INTO petition.category (code, name, parent_code, level, key_domain, sort_order) VALUES
    ('URBAN_RURAL', '城乡建设', NULL, 1, FALSE, 1),
    ('LABOUR', '劳动和社会保障', NULL, 1, TRUE, 2),
    ('EDUCATION_CULTURE', '教育文体', NULL, 1, TRUE, 3),
    ('COMMERCE_TOURISM', '商贸旅游', NULL, 1, FALSE, 4),
    ('ENVIRONMENT', '环境保护', NULL, 1, TRUE, 5),
    ('HEALTH', '卫生计生', NULL, 1, TRUE, 6),
    ('TRANSPORT', '交通运输', NULL, 1, FALSE, 7),
    ('FINANCE', '金融', NULL, 1, TRUE, 8),
    ('LAND_RESOURCES', '国土资源', NULL, 1, FALSE, 9),
    ('AGRICULTURE', '农村农业', NULL, 1, FALSE, 10),
    ('CIVIL_AFFAIRS', '民政', NULL, 1, FALSE, 11),
    ('LAW_ENFORCEMENT', '政法', NULL, 1, FALSE, 12),
    ('DISCIPLINE', '纪检监察', NULL, 1, FALSE, 13),
    ('OTHER', '其他', NULL, 1, FALSE, 99),
    ('REAL_ESTATE', '房地产管理', 'URBAN_RURAL', 2, TRUE, 1),
    ('PROPERTY_SERVICE', '物业管理', 'URBAN_RURAL', 2, FALSE, 2),
    ('DEMOLITION', '征地拆迁', 'URBAN_RURAL', 2, TRUE, 3),
    ('URBAN_MANAGEMENT', '城市管理', 'URBAN_RURAL', 2, FALSE, 4),
    ('WAGE_ARREARS', '拖欠工资', 'LABOUR', 2, TRUE, 1),
    ('SOCIAL_INSURANCE', '社会保险', 'LABOUR', 2, FALSE, 2),
    ('LABOUR_RELATIONS', '劳动关系', 'LABOUR', 2, TRUE, 3),
    ('SCHOOLING', '入学与学位', 'EDUCATION_CULTURE', 2, TRUE, 1),
    ('TEACHERS', '教师待遇', 'EDUCATION_CULTURE', 2, FALSE, 2),
    ('POLLUTION', '污染防治', 'ENVIRONMENT', 2, TRUE, 1),
    ('NOISE', '噪声扰民', 'ENVIRONMENT', 2, FALSE, 2),
    ('MEDICAL_DISPUTE', '医疗纠纷', 'HEALTH', 2, TRUE, 1),
    ('PUBLIC_TRANSPORT', '公共交通', 'TRANSPORT', 2, FALSE, 1),
    ('ILLEGAL_FUNDRAISING', '非法集资', 'FINANCE', 2, TRUE, 1),
    ('CONSUMER_RIGHTS', '消费维权', 'COMMERCE_TOURISM', 2, FALSE, 1);
