/**
 * 智能分办与研判: the platform reads petitions first — classification into the category tree with a
 * confidence and the words that drove it, a suggested responsible unit under 属地管理、谁主管谁负责,
 * similar and repeated petitions (重复信访 candidates), and hotspots (热点) for leaders. Every result is
 * a suggestion with its reason, for a person to confirm.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intelligent triage")
package org.xinfang.insight;
