package io.tabula.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.engine.agi.AgiCommand;
import io.tabula.engine.agi.PendingCommand;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyDeadlinesTest {

  private static final long SECOND = 1_000_000_000L;

  private final ReplyDeadlines table = new ReplyDeadlines();

  @Test
  void theSweepFailsOnlyTheCommandWhoseDeadlinePassed() {
    long now = System.nanoTime();
    CallSession late = tracked();
    CallSession onTime = tracked();
    PendingCommand lateCommand = send(late, now - 1);
    PendingCommand onTimeCommand = send(onTime, now + 60 * SECOND);

    assertThat(table.expireOverdue(now)).isEqualTo(1);

    assertThat(lateCommand.reply().isFailed()).isTrue();
    assertThat(onTimeCommand.reply().isDone()).isFalse();
  }

  @Test
  void callsBeyondTheFirstSegmentAreSwept() {
    long now = System.nanoTime();
    List<PendingCommand> commands = new ArrayList<>();
    for (int i = 0; i < ReplyDeadlines.SEGMENT_SIZE * 2 + 10; i++) {
      commands.add(send(tracked(), now + 60 * SECOND));
    }
    CallSession last = tracked();
    PendingCommand overdue = send(last, now - 1);

    assertThat(table.expireOverdue(now)).isEqualTo(1);

    assertThat(overdue.reply().isFailed()).isTrue();
    assertThat(commands).noneMatch(command -> command.reply().isDone());
  }

  @Test
  void aCommandWhoseReplyWasAwaitedIsNotLookedAtAgain() {
    long now = System.nanoTime();
    CallSession session = tracked();
    PendingCommand command = send(session, now - 1);
    session.replyAwaited();

    assertThat(table.expireOverdue(now)).isZero();

    assertThat(command.reply().isDone()).isFalse();
  }

  @Test
  void anEntryGivenBackGoesToTheNextCallOnly() {
    long now = System.nanoTime();
    CallSession ended = tracked();
    PendingCommand endedCommand = send(ended, now - 1);
    ended.stopTrackingDeadlines();
    CallSession next = tracked();

    assertThat(table.expireOverdue(now)).isZero();
    assertThat(endedCommand.reply().isDone()).isFalse();

    PendingCommand nextCommand = send(next, now - 1);
    assertThat(table.expireOverdue(now)).isEqualTo(1);
    assertThat(nextCommand.reply().isFailed()).isTrue();
    assertThat(endedCommand.reply().isDone()).isFalse();
  }

  @Test
  void theTableNamesTheCallsThatHoldAnEntry() {
    CallSession done = tracked();
    CallSession running = tracked();
    done.stopTrackingDeadlines();
    CallSession next = tracked();

    assertThat(table.sessions()).containsExactlyInAnyOrder(running, next);
  }

  @Test
  void aCallThatIsNotTrackedIsNeverSwept() {
    long now = System.nanoTime();
    CallSession untracked = session();
    PendingCommand command = send(untracked, now - 1);

    assertThat(table.expireOverdue(now)).isZero();
    assertThat(command.reply().isDone()).isFalse();
  }

  private CallSession tracked() {
    CallSession session = session();
    session.trackDeadlinesIn(table);
    return session;
  }

  private static CallSession session() {
    return TestSessions.detached();
  }

  /** Sends a command the way {@link CommandRunner} does: deadline first, then the send. */
  private static PendingCommand send(CallSession session, long deadline) {
    PendingCommand command = PendingCommand.plain(AgiCommand.of("NOOP"));
    command.reply().deadline(deadline);
    session.send(command);
    return command;
  }
}
