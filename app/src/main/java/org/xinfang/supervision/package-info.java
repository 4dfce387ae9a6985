/**
 * Supervision (督办) and the leaders' mechanisms: "发现不落实的事、找准不落实的人、分析不落实的因、紧追不落实的责".
 * <p>
 * The root package is the module's API: {@link org.xinfang.supervision.SupervisionOrders} (督办单, opened by
 * a supervisor, answered by the case's unit, closed or escalated), {@link org.xinfang.supervision.Suggestions}
 * (督办建议 raised once per case and trigger from missed deadlines, missing 交办 feedback and 不满意 ratings),
 * {@link org.xinfang.supervision.CaseOwnerships} (领导包案), {@link org.xinfang.supervision.Instructions}
 * (领导批示), {@link org.xinfang.supervision.Bulletins} (通报) and {@link org.xinfang.supervision.Interviews}
 * (约谈), {@link org.xinfang.supervision.JointConference} (联席会议) and the
 * {@link org.xinfang.supervision.FeedbackBox} (意见箱). Every read and change of a case is audited; staff
 * hear of new orders, owned cases and instructions through the workbench's staff notices.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Supervision")
package org.xinfang.supervision;
