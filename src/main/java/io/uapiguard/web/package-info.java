/**
 * The web report (Thymeleaf, rendered on the server): a page per repository with verdict badges and an SVG chart of
 * helpers per tag, a page per tag with its findings, helpers and problems, a page per helper with its timeline.
 */
package io.uapiguard.web;
