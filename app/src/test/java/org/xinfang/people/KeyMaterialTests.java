package org.xinfang.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyMaterialTests {

    @TempDir
    Path dir;

    @Test
    void aMissingKeyFileIsCreatedOwnerOnlyWithItsDirectories() throws Exception {
        assumeThat(Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class)).isTrue();
        Path keyFile = dir.resolve("data/keys/master.key");

        KeyMaterial.loadOrCreate(keyFile, true);

        assertThat(keyFile).isRegularFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(keyFile).strip())).hasSize(32);
        assertThat(Files.list(keyFile.getParent())).as("no temp files left behind").containsExactly(keyFile);
    }

    @Test
    void theCreatedKeyIsReusedOnTheNextStart() throws Exception {
        Path keyFile = dir.resolve("master.key");
        PersonalDataCipher firstStart = new PersonalDataCipher(KeyMaterial.loadOrCreate(keyFile, true));
        byte[] sealed = firstStart.encrypt("张三丰", Field.NAME);
        String keyOnDisk = Files.readString(keyFile);

        PersonalDataCipher secondStart = new PersonalDataCipher(KeyMaterial.loadOrCreate(keyFile, true));
        PersonalDataCipher readOnlyStart = new PersonalDataCipher(KeyMaterial.loadOrCreate(keyFile, false));

        assertThat(Files.readString(keyFile)).isEqualTo(keyOnDisk);
        assertThat(secondStart.decrypt(sealed, Field.NAME)).isEqualTo("张三丰");
        assertThat(readOnlyStart.decrypt(sealed, Field.NAME)).isEqualTo("张三丰");
    }

    @Test
    void aMissingKeyFileThatMayNotBeCreatedStopsStartUpWithInstructions() {
        Path keyFile = dir.resolve("keys/master.key");

        assertThatThrownBy(() -> KeyMaterial.loadOrCreate(keyFile, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(keyFile.toString())
                .hasMessageContaining("xinfang.crypto.master-key")
                .hasMessageContaining("XINFANG_CRYPTO_MASTER_KEY")
                .hasMessageContaining("xinfang.crypto.generate-key=true")
                .hasMessageContaining("未找到个人信息主密钥文件")
                .hasMessageContaining("not found");
        assertThat(keyFile.getParent()).doesNotExist();
    }

    @Test
    void aCorruptKeyFileIsReportedWithoutQuotingIt() throws Exception {
        Path keyFile = dir.resolve("master.key");
        Files.writeString(keyFile, "c2VjcmV0LWJ1dC10b28tc2hvcnQ=");

        assertThatThrownBy(() -> KeyMaterial.loadOrCreate(keyFile, true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("invalid")
                .hasMessageNotContaining("c2VjcmV0");
    }

    @Test
    void processesRacingToCreateTheKeyAllEndUpWithTheSameKey() throws Exception {
        int racers = 8;
        for (int round = 0; round < 20; round++) {
            Path keyFile = dir.resolve("race-" + round + "/master.key");
            ExecutorService pool = Executors.newFixedThreadPool(racers);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<PersonalDataCipher>> ciphers = new ArrayList<>();
                for (int i = 0; i < racers; i++) {
                    ciphers.add(pool.submit(() -> {
                        start.await();
                        return new PersonalDataCipher(KeyMaterial.loadOrCreate(keyFile, true));
                    }));
                }
                start.countDown();
                Set<String> indexes = new HashSet<>();
                for (Future<PersonalDataCipher> cipher : ciphers) {
                    indexes.add(Base64.getEncoder().encodeToString(cipher.get().blindIndex("张三", Field.NAME)));
                }
                assertThat(indexes).as("round %d", round).hasSize(1);
                assertThat(Files.list(keyFile.getParent())).containsExactly(keyFile);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
