package io.spool.memes.render;

import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import org.w3c.dom.Node;

/**
 * Reading and writing the nodes of ImageIO's GIF metadata trees ({@code javax_imageio_gif_image_1.0} and
 * {@code javax_imageio_gif_stream_1.0}): the one place that knows their node and attribute names.
 */
final class GifTree {
    static final String IMAGE_FORMAT = "javax_imageio_gif_image_1.0";
    static final String STREAM_FORMAT = "javax_imageio_gif_stream_1.0";

    private GifTree() {
    }

    static IIOMetadataNode tree(IIOMetadata metadata, String format) {
        return (IIOMetadataNode) metadata.getAsTree(format);
    }

    /** The first child called {@code name}, created (and appended) when {@code create} and missing, else null. */
    static IIOMetadataNode child(IIOMetadataNode parent, String name, boolean create) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeName().equals(name)) {
                return (IIOMetadataNode) n;
            }
        }
        if (!create) {
            return null;
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        parent.appendChild(node);
        return node;
    }

    static int intAttribute(IIOMetadataNode node, String name, int fallback) {
        if (node == null || node.getAttribute(name).isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(node.getAttribute(name));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The NETSCAPE2.0 loop count in an image tree: 0 forever, -1 when absent. */
    static int loops(IIOMetadataNode imageTree) {
        IIOMetadataNode extensions = child(imageTree, "ApplicationExtensions", false);
        for (Node n = extensions == null ? null : extensions.getFirstChild(); n != null; n = n.getNextSibling()) {
            IIOMetadataNode ext = (IIOMetadataNode) n;
            if ("NETSCAPE".equals(ext.getAttribute("applicationID")) && ext.getUserObject() instanceof byte[] data
                    && data.length >= 3 && data[0] == 1) {
                return (data[1] & 0xFF) | (data[2] & 0xFF) << 8;
            }
        }
        return -1;
    }

    /** Adds a NETSCAPE2.0 extension that loops {@code loops} times (0 forever). */
    static void setLoops(IIOMetadataNode imageTree, int loops) {
        IIOMetadataNode ext = new IIOMetadataNode("ApplicationExtension");
        ext.setAttribute("applicationID", "NETSCAPE");
        ext.setAttribute("authenticationCode", "2.0");
        ext.setUserObject(new byte[] {1, (byte) (loops & 0xFF), (byte) (loops >> 8 & 0xFF)});
        child(imageTree, "ApplicationExtensions", true).appendChild(ext);
    }
}
