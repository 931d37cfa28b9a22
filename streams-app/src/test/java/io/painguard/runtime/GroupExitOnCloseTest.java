package io.painguard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupExitOnCloseTest {

  @Test
  void anInstanceWithDynamicMembershipLeavesTheGroupWhenItCloses() {
    assertThat(GroupExitOnClose.staticMembership(Map.of("bootstrap.servers", "localhost:9092"))).isFalse();
    assertThat(GroupExitOnClose.staticMembership(Map.of("group.instance.id", " "))).isFalse();
  }

  @Test
  void anInstanceWithStaticMembershipStaysSoItsRestartTakesItsTasksBack() {
    assertThat(GroupExitOnClose.staticMembership(Map.of("group.instance.id", "painguard-1"))).isTrue();
    assertThat(GroupExitOnClose.staticMembership(Map.of("main.consumer.group.instance.id", "painguard-1"))).isTrue();
  }
}
