package org.xinfang.people;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys protecting personal data, all derived from one 32-byte master key.
 * <p>
 * Operators keep and back up a single secret; each purpose gets its own key, derived with
 * HMAC-SM3 under a distinct label, so the encryption key never doubles as the blind-index key
 * (a weakness in one use cannot then be turned against the other). The master key itself is
 * wiped once the purpose keys are derived.
 */
final class KeyMaterial {

    static final int MASTER_KEY_BYTES = 32;
    static final String MASTER_KEY_PROPERTY = "xinfang.crypto.master-key";
    static final String MASTER_KEY_ENV = "XINFANG_CRYPTO_MASTER_KEY";
    static final String KEY_FILE_PROPERTY = "xinfang.crypto.key-file";
    static final String GENERATE_KEY_PROPERTY = "xinfang.crypto.generate-key";

    // Versioned labels: a future key-derivation change gets new labels, never reuses these.
    private static final String ENCRYPTION_LABEL = "xinfang/personal-data/sm4-gcm/v1";
    private static final String BLIND_INDEX_LABEL = "xinfang/personal-data/blind-index/hmac-sm3/v1";

    private static final Logger log = LoggerFactory.getLogger(KeyMaterial.class);
    private static final SecureRandom random = new SecureRandom();

    private final byte[] encryptionKey; // SM4, 16 bytes
    private final byte[] blindIndexKey; // HMAC-SM3, 32 bytes

    private KeyMaterial(byte[] masterKey) {
        if (masterKey.length != MASTER_KEY_BYTES) {
            throw new IllegalArgumentException("个人信息主密钥必须为 32 字节（当前 " + masterKey.length + " 字节）"
                    + " / The personal-data master key must be 32 bytes, got " + masterKey.length);
        }
        this.encryptionKey = Arrays.copyOf(derive(masterKey, ENCRYPTION_LABEL), 16);
        this.blindIndexKey = derive(masterKey, BLIND_INDEX_LABEL);
    }

    /** Key material from a base64-encoded 32-byte master key (surrounding whitespace ignored). */
    static KeyMaterial fromBase64(String base64MasterKey) {
        if (base64MasterKey == null || base64MasterKey.isBlank()) {
            throw new IllegalArgumentException("个人信息主密钥为空 / The personal-data master key is empty");
        }
        byte[] master;
        try {
            master = Base64.getDecoder().decode(base64MasterKey.strip());
        } catch (IllegalArgumentException e) {
            // The decoder's message may quote a character of the key: don't pass it on.
            throw new IllegalArgumentException("个人信息主密钥不是有效的 Base64 编码"
                    + " / The personal-data master key is not valid base64");
        }
        try {
            return new KeyMaterial(master);
        } finally {
            Arrays.fill(master, (byte) 0);
        }
    }

    /**
     * Reads the base64 master key from {@code keyFile}. If the file does not exist and
     * {@code mayCreate}, generates a key and writes it there first: parent directories created,
     * owner-only permissions (600) where the file system supports POSIX permissions, and published
     * atomically, so concurrent starts (several nodes on a shared volume, or two processes on one
     * machine) all end up with the one key that won.
     *
     * @throws IllegalStateException if the file is missing and may not be created, or unreadable
     */
    static KeyMaterial loadOrCreate(Path keyFile, boolean mayCreate) {
        Path file = keyFile.toAbsolutePath();
        if (!Files.exists(file)) {
            if (!mayCreate) {
                throw new IllegalStateException(missingKeyMessage(file));
            }
            createKeyFile(file);
        }
        return read(file);
    }

    byte[] encryptionKey() {
        return encryptionKey;
    }

    byte[] blindIndexKey() {
        return blindIndexKey;
    }

    @Override
    public String toString() {
        return "KeyMaterial[redacted]";
    }

    private static byte[] derive(byte[] masterKey, String label) {
        HMac hmac = new HMac(new SM3Digest());
        hmac.init(new KeyParameter(masterKey));
        byte[] input = label.getBytes(StandardCharsets.UTF_8);
        hmac.update(input, 0, input.length);
        hmac.update((byte) 0x01); // block counter as in HKDF-Expand; one block is all we need
        byte[] out = new byte[hmac.getMacSize()];
        hmac.doFinal(out, 0);
        return out;
    }

    private static KeyMaterial read(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new IllegalStateException(missingKeyMessage(file));
        } catch (IOException e) {
            throw new IllegalStateException("无法读取个人信息主密钥文件 " + file
                    + " / Cannot read the personal-data master key file " + file + ": " + e.getMessage(), e);
        }
        warnIfReadableByOthers(file);
        try {
            return fromBase64(content);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("个人信息主密钥文件 " + file + " 内容无效（应为 Base64 编码的 32 字节密钥）"
                    + " / The personal-data master key file " + file
                    + " is invalid (expected a base64-encoded 32-byte key)");
        }
    }

    private static void createKeyFile(Path file) {
        byte[] master = new byte[MASTER_KEY_BYTES];
        random.nextBytes(master);
        byte[] encoded = (Base64.getEncoder().encodeToString(master) + "\n").getBytes(StandardCharsets.US_ASCII);
        Arrays.fill(master, (byte) 0);
        Path dir = file.getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            boolean posix = Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
            // Permissions are set at creation, so the key is never readable by others, not even briefly.
            FileAttribute<?>[] ownerOnly = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                    : new FileAttribute<?>[0];
            temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp", ownerOnly);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(encoded));
                channel.force(true); // a key lost in a power cut would make every sealed value unreadable
            }
            if (publish(temp, file)) {
                forceDirectory(dir);
                log.warn("Generated a new personal-data master key in {}. Back it up: data encrypted under a lost key"
                        + " cannot be recovered. 已生成个人信息主密钥，请妥善备份。", file);
            }
        } catch (IOException e) {
            throw new IllegalStateException("无法创建个人信息主密钥文件 " + file
                    + " / Cannot create the personal-data master key file " + file + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(encoded, (byte) 0);
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a stray temp file holds a key nobody uses; not worth failing start-up for
                }
            }
        }
    }

    /**
     * Makes the fully written temp file visible under the final name unless another process got
     * there first. A hard link fails atomically if the name exists, whereas an atomic rename would
     * silently replace a key another process may already be using.
     *
     * @return whether our key is the one that was published
     */
    private static boolean publish(Path temp, Path file) throws IOException {
        try {
            Files.createLink(file, temp);
            return true;
        } catch (FileAlreadyExistsException lostTheRace) {
            return false;
        } catch (UnsupportedOperationException | IOException noHardLinks) {
            // Some file systems (FAT, some network shares) have no hard links. A move without
            // REPLACE_EXISTING still refuses to overwrite an existing key; only the window between
            // its existence check and the move is unprotected.
            try {
                Files.move(temp, file);
                return true;
            } catch (FileAlreadyExistsException lostTheRace) {
                return false;
            }
        }
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // Not every platform can sync a directory (Windows cannot); the file itself is synced.
        }
    }

    private static void warnIfReadableByOthers(Path file) {
        try {
            if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                if (permissions.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                    log.warn("The personal-data master key file {} is accessible to other users ({}); restrict it with"
                            + " chmod 600. 主密钥文件权限过宽，请设置为 600。", file, PosixFilePermissions.toString(permissions));
                }
            }
        } catch (IOException | UnsupportedOperationException ignored) {
            // only a warning
        }
    }

    private static String missingKeyMessage(Path file) {
        return "未找到个人信息主密钥文件 " + file + "。请设置 " + MASTER_KEY_PROPERTY + "（环境变量 " + MASTER_KEY_ENV
                + "）为 Base64 编码的 32 字节密钥，或设置 " + KEY_FILE_PROPERTY + " 指向已有的密钥文件，"
                + "或设置 " + GENERATE_KEY_PROPERTY + "=true 在首次启动时生成密钥文件（请备份：密钥丢失后已加密的数据无法恢复）。"
                + " / Personal-data master key file " + file + " not found. Set " + MASTER_KEY_PROPERTY
                + " (environment variable " + MASTER_KEY_ENV + ") to a base64-encoded 32-byte key, point "
                + KEY_FILE_PROPERTY + " at an existing key file, or set " + GENERATE_KEY_PROPERTY
                + "=true to generate the key file on first start (back it up: data encrypted under a lost key"
                + " cannot be recovered).";
    }
}
