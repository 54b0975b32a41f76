package org.coloc.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through chromium-driver, for the browser tests. {@link #start()} first makes
 * sure both are installed ({@code src/test/browser/ensure-chromium.sh}: apt-get when missing, once per JVM), so that
 * {@code mvn verify} runs them on a clean machine. Selenium Manager is never asked (it cannot download here): the
 * driver and the browser are named by path.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path ENSURE_SCRIPT = Path.of("src/test/browser/ensure-chromium.sh");
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    public static final Duration WAIT = Duration.ofSeconds(20);

    private static boolean ensured;

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, WAIT);
    }

    /** Installs chromium and chromium-driver when missing (needs root and apt the first time); fails clearly if not. */
    static synchronized void ensureChromium() throws IOException, InterruptedException {
        if (ensured) {
            return;
        }
        if (!Files.isRegularFile(ENSURE_SCRIPT)) {
            throw new IllegalStateException("missing " + ENSURE_SCRIPT.toAbsolutePath() + " (run from the project directory)");
        }
        Process p = new ProcessBuilder("sh", ENSURE_SCRIPT.toString()).inheritIO().start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("installing chromium and chromium-driver took more than 10 minutes");
        }
        if (p.exitValue() != 0 || !Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + ") and could not install them (exit " + p.exitValue()
                    + "): run `apt-get install -y chromium chromium-driver` as root, or skip the browser tests with"
                    + " -Dit.test='!DashboardIT'");
        }
        ensured = true;
    }

    /** A new headless browser, 1280×900, whose console is recorded (every level). */
    public static Browser start() throws IOException, InterruptedException {
        ensureChromium();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update", "--disable-sync");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options));
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    /** Opens the page, which shows the login form, and logs in as the admin. */
    public void logIn(String url) {
        open(url);
        submitPassword();
    }

    /** Types the admin's password in the login form shown and sends it. */
    public void submitPassword() {
        visible("login-password").sendKeys(ColocServer.ADMIN_PASSWORD);
        visible("login-submit").click();
    }

    /** The element with this data-test attribute, once visible. */
    public WebElement visible(String dataTest) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(test(dataTest)));
    }

    public static By test(String dataTest) {
        return By.cssSelector("[data-test='" + dataTest + "']");
    }

    public <T> T until(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        return wait.until(condition);
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** The console's entries since the last call (the driver hands each entry out once). */
    public List<LogEntry> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    /** Every resource the page loaded (Resource Timing), the page itself included. */
    @SuppressWarnings("unchecked")
    public List<String> loadedUrls() {
        return (List<String>) script("return [location.href].concat("
                + "performance.getEntriesByType('resource').map(e => e.name));");
    }

    /** Saves a screenshot as target/screenshots/&lt;name&gt;.png and returns its path. */
    public Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /** The page's cookies as the browser keeps them. */
    public Map<String, org.openqa.selenium.Cookie> cookies() {
        Map<String, org.openqa.selenium.Cookie> all = new java.util.LinkedHashMap<>();
        driver.manage().getCookies().forEach(c -> all.put(c.getName(), c));
        return all;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
