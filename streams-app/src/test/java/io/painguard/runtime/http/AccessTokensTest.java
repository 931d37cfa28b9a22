package io.painguard.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.painguard.runtime.config.ConfigException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessTokensTest {

  @Test
  void parsesAdminAndCoachTokens() {
    AccessTokens tokens = AccessTokens.parse(" root-token=admin , c1-token=coach:coach-1,c2=coach:coach-2 ");

    assertThat(tokens.size()).isEqualTo(3);
    assertThat(tokens.authenticate("root-token")).contains(Caller.ADMIN);
    assertThat(tokens.authenticate("c1-token")).contains(Caller.coach("coach-1"));
    assertThat(tokens.authenticate("c2")).contains(Caller.coach("coach-2"));
  }

  @Test
  void base64PaddingInATokenIsPartOfTheToken() {
    AccessTokens tokens = AccessTokens.parse("abc+/def==coach:c-9");

    assertThat(tokens.authenticate("abc+/def=")).contains(Caller.coach("c-9"));
  }

  @Test
  void unknownMissingOrPrefixTokensAreRefused() {
    AccessTokens tokens = AccessTokens.parse("secret-token=admin");

    assertThat(tokens.authenticate("secret-tokenX")).isEmpty();
    assertThat(tokens.authenticate("secret-toke")).isEmpty();
    assertThat(tokens.authenticate("")).isEmpty();
    assertThat(tokens.authenticate(null)).isEmpty();
  }

  @Test
  void noTokensConfiguredRefusesEveryone() {
    AccessTokens tokens = AccessTokens.parse("");

    assertThat(tokens.isEmpty()).isTrue();
    assertThat(tokens.authenticate("anything")).isEmpty();
  }

  @Test
  void everyKnownDigestIsComparedInConstantTimeEvenAfterAMatch() {
    List<byte[]> compared = new ArrayList<>();
    AccessTokens tokens =
        AccessTokens.parse(
            "first=admin,second=coach:c2,third=coach:c3",
            (known, presented) -> {
              compared.add(known);
              return MessageDigest.isEqual(known, presented);
            });

    assertThat(tokens.authenticate("first")).contains(Caller.ADMIN);
    assertThat(compared).hasSize(3).allSatisfy(digest -> assertThat(digest).hasSize(32));

    compared.clear();
    assertThat(tokens.authenticate("nope")).isEmpty();
    assertThat(compared).hasSize(3);
  }

  @Test
  void malformedEntriesAreRefusedByPositionWithoutEchoingTheToken() {
    assertThatThrownBy(() -> AccessTokens.parse("good=admin,s3cr3t"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("painguard.http.tokens entry 2 is not TOKEN=admin or TOKEN=coach:COACH_ID.");
    assertThatThrownBy(() -> AccessTokens.parse("s3cr3t=superuser"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("entry 1 has role 'superuser'")
        .hasMessageNotContaining("s3cr3t");
    assertThatThrownBy(() -> AccessTokens.parse("s3cr3t=coach:"))
        .isInstanceOf(ConfigException.class)
        .hasMessageNotContaining("s3cr3t");
    assertThatThrownBy(() -> AccessTokens.parse("s3cr3t=admin,s3cr3t=coach:c1"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("painguard.http.tokens entry 2 repeats a token given earlier; each token needs one role.");
    assertThatThrownBy(() -> AccessTokens.parse("two words=admin"))
        .isInstanceOf(ConfigException.class)
        .hasMessageNotContaining("two words");
  }

  @Test
  void bearerHeaderIsParsedCaseInsensitively() {
    assertThat(AccessTokens.bearerToken("Bearer abc")).isEqualTo("abc");
    assertThat(AccessTokens.bearerToken("bearer  abc ")).isEqualTo("abc");
    assertThat(AccessTokens.bearerToken("Basic abc")).isNull();
    assertThat(AccessTokens.bearerToken("Bearer")).isNull();
    assertThat(AccessTokens.bearerToken(null)).isNull();
  }

  @Test
  void neitherTheSetNorACallerPrintsATokenOrRole() {
    AccessTokens tokens = AccessTokens.parse("s3cr3t=coach:c1");

    assertThat(tokens.toString()).doesNotContain("s3cr3t");
    assertThat(Caller.coach("c1").toString()).isEqualTo("coach c1");
  }

  @Test
  void aParsedTokenIsHiddenInAnyLineThatQuotesIt() {
    AccessTokens.parse("tok-in-a-path-42=coach:c1");

    assertThat(io.painguard.redaction.Redaction.text("GET /api/alerts/stream?t=tok-in-a-path-42 from 10.0.0.1"))
        .isEqualTo("GET /api/alerts/stream?t=[hidden] from 10.0.0.1");
  }
}
