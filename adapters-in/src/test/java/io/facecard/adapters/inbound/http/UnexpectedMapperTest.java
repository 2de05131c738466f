package io.facecard.adapters.inbound.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Test;

class UnexpectedMapperTest {
    @Test
    void anUnknownEnumValueNamesTheAllowedValuesAndNoJavaClass() {
        var e = new JsonbException("Unable to deserialize property 'kind' because of: x",
                new IllegalArgumentException("No enum constant io.facecard.application.security.TerminalKind.TOASTER"));
        assertThat(UnexpectedMapper.bindingDetail(e))
                .isEqualTo("field 'kind': 'TOASTER' is not one of [POS, KIOSK, APP, CAMERA]");
    }

    @Test
    void otherBinderMessagesLoseOurPackageNames() {
        var e = new JsonbException("Cannot create instance of io.facecard.adapters.inbound.http.Json$StoreDraft");
        assertThat(UnexpectedMapper.bindingDetail(e)).doesNotContain("io.facecard");
    }
}
