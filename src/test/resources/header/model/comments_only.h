/* Nothing but comments and blank lines. */

// A line comment.
