/**
 * 智能分办与研判: the platform reads petitions first — classification into the category tree with a
 * confidence and the words that drove it, a suggested responsible unit under 属地管理、谁主管谁负责,
 * similar and repeated petitions (重复信访 candidates), hotspots (热点) for leaders, and early warnings
 * (预警, {@link org.xinfang.insight.Warnings}): spikes, clusters about one place or group, rising repeats and
 * group visits, raised to the leaders of the territory. Every result is a suggestion or a signal with its
 * reason, for a person to confirm.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intelligent triage")
package org.xinfang.insight;
