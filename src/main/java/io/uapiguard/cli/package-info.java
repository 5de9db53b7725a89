/**
 * The picocli command line: {@code model}, {@code diff}, {@code check}, {@code hook}, {@code ingest}, {@code serve}.
 * Commands other than {@code serve} start no Spring context, so they start fast.
 */
package io.uapiguard.cli;
