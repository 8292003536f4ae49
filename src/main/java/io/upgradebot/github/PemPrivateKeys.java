package io.upgradebot.github;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Reads a GitHub App private key. GitHub hands out PKCS#1 ({@code BEGIN RSA PRIVATE KEY}); people often convert to
 * PKCS#8 ({@code BEGIN PRIVATE KEY}). The JDK reads only PKCS#8, so PKCS#1 is wrapped in a PKCS#8 envelope here
 * rather than pulling in BouncyCastle for one conversion.
 */
public final class PemPrivateKeys {
    // AlgorithmIdentifier for rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private PemPrivateKeys() {
    }

    /** Parses PEM text; literal {@code \n} sequences (a key pasted into one env-var line) count as newlines. */
    public static PrivateKey parse(String pem) {
        if (pem == null || pem.isBlank()) {
            throw new IllegalArgumentException("the private key is empty");
        }
        String text = pem.replace("\\n", "\n").strip();
        if (text.contains("ENCRYPTED PRIVATE KEY")) {
            throw new IllegalArgumentException("the private key is encrypted; use the unencrypted PEM GitHub gave you");
        }
        boolean pkcs1 = text.contains("-----BEGIN RSA PRIVATE KEY-----");
        boolean pkcs8 = text.contains("-----BEGIN PRIVATE KEY-----");
        if (!pkcs1 && !pkcs8) {
            throw new IllegalArgumentException(
                    "the private key is not PEM (expected -----BEGIN RSA PRIVATE KEY----- or -----BEGIN PRIVATE KEY-----)");
        }
        String base64 = text.replaceAll("-----(BEGIN|END) (RSA )?PRIVATE KEY-----", "").replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the private key's PEM body is not valid base64");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs1 ? wrapPkcs1(der) : der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the private key is not a readable RSA key: " + e.getMessage());
        }
    }

    /** PrivateKeyInfo ::= SEQUENCE { version 0, AlgorithmIdentifier rsaEncryption, OCTET STRING pkcs1 } */
    static byte[] wrapPkcs1(byte[] pkcs1) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(new byte[]{0x02, 0x01, 0x00});
        content.writeBytes(RSA_ALGORITHM);
        content.writeBytes(tlv(0x04, pkcs1));
        return tlv(0x30, content.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length <= 0xff) {
            out.write(0x81);
            out.write(length);
        } else if (length <= 0xffff) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xff);
        } else {
            out.write(0x83);
            out.write(length >> 16);
            out.write((length >> 8) & 0xff);
            out.write(length & 0xff);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }
}
