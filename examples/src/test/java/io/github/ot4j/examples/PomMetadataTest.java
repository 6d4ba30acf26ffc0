package io.github.ot4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a consumer of the published POMs sees: the modules' {@code url} and {@code scm} point at the repository
 * (Maven would otherwise append each artifactId), ot4j-critic and ot4j-gan bring the managed slf4j-api rather than
 * the 1.7.21 that nd4j-api asks for, and the publishing plugin is the current one.
 */
class PomMetadataTest {

    private static Element pom(String module) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(Path.of("..", module, "pom.xml").toFile());
        return doc.getDocumentElement();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE && nodes.item(i).getNodeName().equals(name)) {
                out.add((Element) nodes.item(i));
            }
        }
        return out;
    }

    private static String text(Element parent, String name) {
        List<Element> c = children(parent, name);
        return c.isEmpty() ? null : c.get(0).getTextContent().trim();
    }

    @Test
    void modulesInheritTheRepositorysUrlAndScmUnchanged() throws Exception {
        Element parent = pom(".");
        assertThat(parent.getAttribute("child.project.url.inherit.append.path")).isEqualTo("false");
        Element scm = children(parent, "scm").get(0);
        for (String a : new String[] {"connection", "developerConnection", "url"}) {
            assertThat(scm.getAttribute("child.scm." + a + ".inherit.append.path")).as(a).isEqualTo("false");
        }
        for (String module : new String[] {"ot-core", "critic", "gan"}) {
            assertThat(children(pom(module), "url")).as(module + " url").isEmpty();
            assertThat(children(pom(module), "scm")).as(module + " scm").isEmpty();
        }
    }

    @Test
    void criticAndGanBringTheManagedSlf4jApi() throws Exception {
        Element parent = pom(".");
        String version = text(children(parent, "properties").get(0), "slf4j.version");
        assertThat(version).isNotNull().isNotEqualTo("1.7.21");
        boolean managed = false;
        for (Element d : children(children(children(parent, "dependencyManagement").get(0), "dependencies").get(0),
                "dependency")) {
            managed |= "slf4j-api".equals(text(d, "artifactId")) && "${slf4j.version}".equals(text(d, "version"));
        }
        assertThat(managed).as("slf4j-api managed at ${slf4j.version}").isTrue();
        for (String module : new String[] {"critic", "gan"}) {
            boolean direct = false;
            for (Element d : children(children(pom(module), "dependencies").get(0), "dependency")) {
                direct |= "slf4j-api".equals(text(d, "artifactId")) && text(d, "scope") == null;
            }
            assertThat(direct).as(module + " declares slf4j-api (compile scope)").isTrue();
        }
    }

    @Test
    void thePublishingPluginIsTheCurrentOne() throws Exception {
        NodeList plugins = pom(".").getElementsByTagName("plugin");
        String version = null;
        for (int i = 0; i < plugins.getLength(); i++) {
            Element p = (Element) plugins.item(i);
            if ("central-publishing-maven-plugin".equals(text(p, "artifactId"))) {
                version = text(p, "version");
            }
        }
        assertThat(version).isNotNull();
        String[] parts = version.split("\\.");
        assertThat(Integer.parseInt(parts[0]) * 1000 + Integer.parseInt(parts[1])).as(version).isGreaterThanOrEqualTo(12);
    }
}
