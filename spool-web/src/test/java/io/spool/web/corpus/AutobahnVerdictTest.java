package io.spool.web.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.spool.web.corpus.AutobahnCase.ExpectedClose;
import io.spool.web.corpus.AutobahnRun.Transcript;
import io.spool.web.corpus.AutobahnVerdict.Outcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Autobahn judging rules on made-up transcripts, so a broken verdict cannot pass every case unnoticed. */
class AutobahnVerdictTest {
    static final WsEvent HELLO = WsEvent.message("Hello", false);

    static AutobahnCase echoCase(boolean wrongCodeIsFatal) {   // as 1.1.x: echo, then the client closes with 1000
        return new AutobahnCase("1.1.9", "echo", "echo", List.of(), Map.of("OK", List.of(HELLO)),
                new ExpectedClose(true, List.of(1000), true, false), "kill", 1, false, wrongCodeIsFatal, false);
    }

    static AutobahnCase failCase() {   // as 3.2: an echo is OK, none is NON-STRICT; the server must fail with 1002
        Map<String, List<WsEvent>> expected = new LinkedHashMap<>();
        expected.put("OK", List.of(HELLO));
        expected.put("NON-STRICT", List.of());
        return new AutobahnCase("3.2", "rsv", "fail", List.of(), expected,
                new ExpectedClose(false, List.of(1002), false, true), "kill", 1, false, false, false);
    }

    @Test
    void anEchoAndACleanCloseAreOk() {
        Transcript t = new Transcript(List.of(HELLO), true, false, true, 1000);
        assertThat(AutobahnVerdict.judge(echoCase(false), t).outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void aWrongEchoFails() {
        Transcript t = new Transcript(List.of(WsEvent.message("Hello", true)), true, false, true, 1000);
        assertThat(AutobahnVerdict.judge(echoCase(false), t).outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void anUncleanCloseFailsAndAClientDropIsNonStrictWhereCleanIsNotRequired() {
        AutobahnVerdict unclean = AutobahnVerdict.judge(echoCase(false),
                new Transcript(List.of(HELLO), true, true, false, 1000));   // the client had to drop the TCP
        assertThat(unclean.closeBehavior()).isEqualTo("UNCLEAN");
        assertThat(unclean.outcome()).isEqualTo(Outcome.FAILED);
        AutobahnVerdict dropped = AutobahnVerdict.judge(failCase(),
                new Transcript(List.of(HELLO), false, true, false, 1002));
        assertThat(dropped.closeBehavior()).isEqualTo("FAILED BY CLIENT");
        assertThat(dropped.outcome()).isEqualTo(Outcome.NON_STRICT);
    }

    @Test
    void aWrongCloseCodeIsNonStrictUnlessTheCaseMakesItFatal() {
        Transcript t = new Transcript(List.of(HELLO), true, false, true, 1001);
        assertThat(AutobahnVerdict.judge(echoCase(false), t).outcome()).isEqualTo(Outcome.NON_STRICT);
        assertThat(AutobahnVerdict.judge(echoCase(true), t).outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void theServerMustFailTheConnectionItself() {
        assertThat(AutobahnVerdict.judge(failCase(), new Transcript(List.of(HELLO), false, false, true, 1002))
                .outcome()).isEqualTo(Outcome.OK);
        assertThat(AutobahnVerdict.judge(failCase(), new Transcript(List.of(), false, false, false, null))
                .outcome()).isEqualTo(Outcome.NON_STRICT);   // no echo first; a TCP drop is allowed
        assertThat(AutobahnVerdict.judge(failCase(), new Transcript(List.of(), true, false, true, 1001))
                .outcome()).isEqualTo(Outcome.FAILED);       // the client had to close: the server let it pass
    }
}
