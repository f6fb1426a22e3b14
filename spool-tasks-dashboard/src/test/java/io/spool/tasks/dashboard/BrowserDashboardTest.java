package io.spool.tasks.dashboard;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import io.spool.tasks.SpawnOptions;
import io.spool.tasks.TaskInfo;
import io.spool.tasks.TaskState;
import io.spool.web.testing.Cdp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard page in real headless Chromium (at {@code /usr/bin/chromium}, or {@code -Dspool.chromium}; the
 * test fails without it), driven over the DevTools protocol: logging in with {@code ?token=}, seeing queues and
 * tasks, a task whose params and error carry markup shown as text with no script run, and two actions made by
 * clicking (retry a dead task, pause a queue) checked in the database.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class BrowserDashboardTest {
    private static final Path CHROMIUM = Path.of(System.getProperty("spool.chromium", "/usr/bin/chromium"));
    private static final String SCREENSHOTS = System.getProperty("spool.screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String HOSTILE = "<script>window.__xss = 1</script><img src=x onerror=\"window.__xss = 2\">";

    private Served s;
    private Cdp browser;
    private long dead;
    private long done;

    @BeforeAll
    void start(TestDatabase db) throws Exception {
        assertThat(CHROMIUM).as("headless Chromium is required; install Debian's 'chromium'").isExecutable();
        s = new Served(db, "dash_browser");
        s.app.createWorker("browser-worker").register("greet", (ctx, p) -> {
            ctx.step("look-up", () -> HOSTILE.getBytes(StandardCharsets.UTF_8));
            return "{\"greeting\":\"hi\"}".getBytes(StandardCharsets.UTF_8);
        }).register("hostile", (ctx, p) -> {
            throw new IllegalArgumentException(HOSTILE);
        }).start();
        done = s.app.spawnTask("greet", "{\"who\":\"ada\"}".getBytes(StandardCharsets.UTF_8)).taskId();
        dead = s.app.spawnTask("hostile", ("{\"html\":\"" + HOSTILE.replace("\"", "\\\"") + "\"}")
                .getBytes(StandardCharsets.UTF_8), SpawnOptions.defaults().withMaxAttempts(1)).taskId();
        s.app.awaitResult(done, WAIT);
        s.app.awaitResult(dead, WAIT);
        s.app.spawnTask("later", new byte[0], SpawnOptions.defaults().withQueue("mail"));
        browser = Cdp.launch(CHROMIUM, 1280, 1000, Duration.ofSeconds(60));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (s != null) {
            s.close();
        }
    }

    @Test
    void showsQueuesAndTasksEscapesWhatTasksCarryAndItsActionsReachTheDatabase() throws Exception {
        browser.navigate(s.base + Served.PATH + "?token=" + Served.TOKEN, WAIT);
        browser.waitFor("Number(document.body.dataset.loaded) >= 1 && document.querySelectorAll('#tasks tr[data-task-id]')"
                + ".length === 3", WAIT, "document.body.innerText");
        assertThat(browser.evalString("location.search")).as("the token left the address bar").isEmpty();
        assertThat(browser.evalString("Array.from(document.querySelectorAll('#queues tr[data-queue]'))"
                + ".map(r => r.dataset.queue).join(',')")).isEqualTo("default,mail");
        assertThat(browser.evalString("document.querySelector('#queues tr[data-queue=\"mail\"] td:nth-child(3)')"
                + ".textContent")).as("one task available in mail").isEqualTo("1");
        assertThat(browser.evalString("document.querySelectorAll('#throughput svg rect.completed').length > 0"))
                .as("the chart has a bar for this minute's completions").isEqualTo("true");

        // the dead task's params and error hold markup: shown as text, nothing of it runs
        browser.eval("location.hash = 'task=" + dead + "'");
        browser.waitFor("document.querySelector('#detail').dataset.taskId === '" + dead + "' && !document"
                + ".querySelector('#detail').hidden", WAIT, "document.querySelector('#detail').innerText");
        assertThat(browser.evalString("document.querySelector('#detail [data-part=params]').textContent"))
                .as("the params as (pretty) JSON text").contains(HOSTILE.replace("\"", "\\\""));
        assertThat(browser.evalString("document.querySelector('#detail [data-part=error]').textContent"))
                .contains("IllegalArgumentException: " + HOSTILE);
        assertThat(browser.evalString("document.querySelectorAll('main script, main img').length")).isEqualTo("0");
        assertThat(browser.evalString("String(window.__xss)")).isEqualTo("undefined");

        // retry it by clicking: a second run waits in the database
        browser.eval("document.querySelector('#detail button[data-action=retry]').click()");
        Served.eventually("the retry is stored", () -> s.app.result(dead).orElseThrow().attempt() == 2);
        TaskInfo retried = s.app.result(dead).orElseThrow();
        assertThat(retried.state()).isIn(TaskState.PENDING, TaskState.RUNNING, TaskState.DEAD);
        assertThat(s.app.runs(dead)).hasSize(2);

        // the completed task's detail: result, runs with the worker, the step and its (escaped) value
        browser.eval("location.hash = 'task=" + done + "'");
        browser.waitFor("document.querySelector('#detail').dataset.taskId === '" + done + "'", WAIT,
                "document.querySelector('#detail').innerText");
        String detail = browser.evalString("document.querySelector('#detail').innerText");
        assertThat(detail).contains("\"greeting\": \"hi\"").contains("browser-worker").contains("look-up")
                .contains(HOSTILE).doesNotContain("null");

        // pause the mail queue by clicking: stored, and the page shows it after its refresh
        browser.eval("document.querySelector('#queues tr[data-queue=\"mail\"] button[data-action=pause]').click()");
        Served.eventually("mail is paused in the database", () -> s.app.pausedQueues().containsKey("mail"));
        browser.waitFor("document.querySelector('#queues tr[data-queue=\"mail\"] td:nth-child(2)').textContent"
                + " === 'paused'", WAIT, "document.querySelector('#queues').innerText");
        assertThat(browser.evalString("String(window.__xss)")).isEqualTo("undefined");
        assertThat(browser.exceptions()).isEmpty();
        if (SCREENSHOTS != null) {   // -Dspool.screenshots=dir keeps what the page looked like
            javax.imageio.ImageIO.write(browser.screenshot(), "png", Path.of(SCREENSHOTS, "tasks-dashboard.png").toFile());
        }
    }
}
