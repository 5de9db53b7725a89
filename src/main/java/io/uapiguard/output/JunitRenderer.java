package io.uapiguard.output;

import io.uapiguard.compat.Comparison;
import io.uapiguard.compat.Finding;
import io.uapiguard.compat.RuleCatalog;
import io.uapiguard.compat.RuleInfo;
import io.uapiguard.compat.Severity;
import java.io.StringWriter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML for CI report viewers: one test case per finding (class name = rule id), a failure for each breaking
 * finding that is not accepted, accepted ones skipped with their justification, and one passing case for every
 * rule that found nothing, so the report lists what was checked.
 */
public final class JunitRenderer implements Renderer {

    /** Made on first use: the CLI loads every renderer to pick one, and text output needs none of this. */
    private static final class Xml {
        static final XMLOutputFactory FACTORY = XMLOutputFactory.newInstance();
    }

    @Override
    public String format() {
        return "junit";
    }

    @Override
    public String mediaType() {
        return "application/xml";
    }

    @Override
    public String render(Comparison comparison, RenderContext context) {
        List<RuleInfo> rules = RuleCatalog.standard().infos();
        long silentRules = comparison.judgedNothing() ? 1 : rules.stream()
                .filter(r -> comparison.findings().stream().noneMatch(f -> f.rule().equals(r.id()))).count();
        long failures = comparison.findings().stream().filter(JunitRenderer::fails).count();
        long skipped = comparison.findings().stream().filter(Finding::accepted).count()
                + (comparison.judgedNothing() ? 1 : 0);
        String tests = Long.toString(comparison.findings().size() + silentRules);
        StringWriter buffer = new StringWriter();
        try {
            XMLStreamWriter w = Xml.FACTORY.createXMLStreamWriter(buffer);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("testsuites");
            w.writeAttribute("name", "uapiguard");
            w.writeAttribute("tests", tests);
            w.writeAttribute("failures", Long.toString(failures));
            w.writeAttribute("errors", "0");
            w.writeAttribute("skipped", Long.toString(skipped));
            w.writeCharacters("\n");
            w.writeStartElement("testsuite");
            w.writeAttribute("name", "uapiguard " + context.oldLabel() + " -> " + context.newLabel());
            w.writeAttribute("tests", tests);
            w.writeAttribute("failures", Long.toString(failures));
            w.writeAttribute("errors", "0");
            w.writeAttribute("skipped", Long.toString(skipped));
            w.writeCharacters("\n");
            if (comparison.judgedNothing()) {
                // Nothing judged: one skipped case that says so, not a passing case per rule.
                w.writeStartElement("testcase");
                w.writeAttribute("classname", "uapiguard");
                w.writeAttribute("name", "no watched UAPI header changed");
                w.writeEmptyElement("skipped");
                w.writeAttribute("message", Summary.NOTHING_JUDGED);
                w.writeEndElement();
                w.writeCharacters("\n");
            }
            for (RuleInfo rule : comparison.judgedNothing() ? List.<RuleInfo>of() : rules) {
                List<Finding> hits = comparison.findings().stream().filter(f -> f.rule().equals(rule.id())).toList();
                if (hits.isEmpty()) {
                    w.writeEmptyElement("testcase");
                    w.writeAttribute("classname", rule.id());
                    w.writeAttribute("name", "no findings");
                    w.writeCharacters("\n");
                }
                for (Finding f : hits) {
                    testcase(w, f);
                }
            }
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML to a string", e);
        }
        return buffer.toString();
    }

    private static boolean fails(Finding f) {
        return !f.accepted() && f.severity() == Severity.BREAKING;
    }

    private static void testcase(XMLStreamWriter w, Finding f) throws XMLStreamException {
        String where = f.location().path() + ":" + f.location().line();
        w.writeStartElement("testcase");
        w.writeAttribute("classname", f.rule());
        w.writeAttribute("name", f.symbol() + " (" + where + ")");
        w.writeAttribute("file", f.location().path());
        w.writeAttribute("line", Integer.toString(f.location().line()));
        if (f.accepted()) {
            w.writeEmptyElement("skipped");
            w.writeAttribute("message", "accepted: " + f.justification());
        } else if (fails(f)) {
            w.writeStartElement("failure");
            w.writeAttribute("type", f.rule());
            w.writeAttribute("message", f.message());
            w.writeCharacters(where + ": " + f.severity().id() + " [" + f.rule() + "] " + f.message());
            w.writeEndElement();
        } else {
            w.writeStartElement("system-out");
            w.writeCharacters(where + ": " + f.severity().id() + " [" + f.rule() + "] " + f.message());
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeCharacters("\n");
    }
}
