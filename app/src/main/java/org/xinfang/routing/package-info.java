/**
 * Routing: the rules by which a petition goes to the organ that must handle it — 属地管理、分级负责，
 * 谁主管、谁负责; 诉访分离; 检举控告 to 纪检监察 — as named policies that can be listed and tested one by
 * one, and the organs that review a decision (复查, 复核).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Routing rules")
package org.xinfang.routing;
