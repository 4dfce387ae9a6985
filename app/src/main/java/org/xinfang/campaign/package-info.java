/**
 * 积案专项攻坚 and 矛盾纠纷排查化解: backlog campaigns that select old unresolved petitions by rule, give each
 * a responsible leader, plan, deadline, measures and its "三到位一处理" class, dispatch progress (调度) and
 * close a case only on 停访息诉 or a lawful final conclusion; and the register of disputes found by
 * screening, which can become a petition through intake.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Backlog campaigns and dispute screening")
package org.xinfang.campaign;
