/**
 * The staff website (工作台): sign-in, each role's home and work queues, server-rendered with
 * Thymeleaf and htmx, Simplified Chinese first.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Staff workbench")
package org.xinfang.workbench;
