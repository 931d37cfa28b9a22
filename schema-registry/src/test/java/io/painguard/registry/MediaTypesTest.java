package io.painguard.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediaTypesTest {

  @Test
  void confluentClientsAcceptHeaderGetsTheV1Type() {
    assertThat(MediaTypes.responseTypeFor("application/vnd.schemaregistry.v1+json,"
        + " application/vnd.schemaregistry+json, application/json"))
        .isEqualTo(MediaTypes.V1_JSON);
  }

  @Test
  void zeroQualityExcludesAType() {
    assertThat(MediaTypes.responseTypeFor("application/*, application/vnd.schemaregistry.v1+json;q=0,"
        + " application/vnd.schemaregistry+json;q=0")).isEqualTo(MediaTypes.JSON);
    assertThat(MediaTypes.responseTypeFor("application/json;q=0")).isNull();
  }

  @Test
  void requestTypesIgnoreParametersAndCase() {
    assertThat(MediaTypes.isAcceptedRequestType("Application/JSON; charset=UTF-8")).isTrue();
    assertThat(MediaTypes.isAcceptedRequestType(null)).isTrue();
    assertThat(MediaTypes.isAcceptedRequestType("application/x-www-form-urlencoded")).isFalse();
  }
}
