package io.groundgate.tools;

import java.util.Collection;

/** A source of tools that can change at run time, such as the declarative tools read from {@code tools/}. */
public interface ToolProvider {

    /** The tools this provider serves now; a snapshot that callers may keep for one request. */
    Collection<Tool> tools();
}
