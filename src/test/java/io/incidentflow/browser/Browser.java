package io.incidentflow.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven as an agent uses Tasklist and Cockpit: by what is on the screen. Uses the
 * machine's Chromium and chromedriver (Debian's {@code chromium} and {@code chromium-driver}; override
 * with the environment variables {@code CHROMIUM} and {@code CHROMEDRIVER}); nothing is downloaded.
 * Every step leaves a screenshot under {@code target/browser-screenshots/}.
 */
final class Browser implements AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

  private final WebDriver driver;
  private final WebDriverWait wait;
  private final String baseUrl;
  private int step;

  Browser(String baseUrl) throws IOException {
    this.baseUrl = baseUrl;
    Files.createDirectories(SCREENSHOTS);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    // Headless, and none of Chromium's own calls home: this machine reaches no network but localhost.
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,1000");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver")).toFile())
        .build();
    this.driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1400, 1000));
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  /** What a browser test does with the browser. */
  @FunctionalInterface
  interface Journey {
    void drive(Browser browser) throws Exception;
  }

  /**
   * Runs {@code journey} in a new browser on the application at {@code port}; when it fails, keeps the screen
   * and the console log as {@code name-FAILED.png} and {@code name-browser.log}.
   */
  static void drive(int port, String name, Journey journey) throws Exception {
    try (Browser browser = new Browser("http://localhost:" + port)) {
      try {
        journey.drive(browser);
      } catch (Exception | AssertionError failure) {
        browser.keepEvidence(name);
        throw failure;
      }
    }
  }

  /** Logs in to a Camunda webapp ({@code tasklist} or {@code cockpit}) as {@code user}, password = user id. */
  void login(String app, String user) {
    driver.manage().deleteAllCookies();
    driver.get(baseUrl + "/camunda/app/" + app + "/default/");
    visible(By.cssSelector("input[type=password]"));
    driver.findElement(By.cssSelector("input[type=text]")).sendKeys(user);
    driver.findElement(By.cssSelector("input[type=password]")).sendKeys(user);
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type=password]")));
  }

  /** Clicks the first visible link, button or list entry showing {@code text}. */
  void click(String text) {
    press(By.xpath(
        "//*[self::a or self::button or self::li or self::label][contains(normalize-space(.), " + literal(text) + ")]"
            + "[not(.//*[self::a or self::button][contains(normalize-space(.), " + literal(text) + ")])]"));
  }

  /** Clicks the button labelled exactly {@code text} (Claim, Complete, Start). */
  void button(String text) {
    press(By.xpath("//button[normalize-space(.)=" + literal(text) + "]"));
  }

  /** Completes the open task form and waits until Tasklist has taken it. */
  void complete() {
    button("Complete");
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fjs-form")));
  }

  /** In Cockpit's instance search, adds the criterion {@code criterion} = {@code value}. */
  void searchCockpit(String criterion, String value) {
    press(By.cssSelector(".cam-widget-search input, [cam-widget-search] input"));
    press(By.xpath("//li[contains(normalize-space(.), " + literal(criterion) + ")]"));
    WebDriverWait briefly = new WebDriverWait(driver, Duration.ofSeconds(5));
    for (int attempt = 1; ; attempt++) {
      try {
        // The criterion opens an inline editor for its value; Angular binds it once it has the focus.
        WebElement editor = briefly.until(ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("input[ng-model='formData.editValue']")));
        briefly.until(ready -> editor.equals(driver.switchTo().activeElement()));
        editor.sendKeys(value);
        briefly.until(ExpectedConditions.attributeToBe(editor, "value", value));
        editor.sendKeys(Keys.ENTER);
        briefly.until(ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".cam-widget-search, [cam-widget-search]"), value));
        return;
      } catch (TimeoutException | StaleElementReferenceException lost) {
        if (attempt == 3) {
          throw lost;
        }
        // The editor closed before it took the value (a list refresh steals the focus): the criterion
        // then shows "??"; clicking that opens the editor again.
        press(By.xpath("//*[normalize-space(text())='??']"));
      }
    }
  }

  /** Types into the form-js text field or text area bound to {@code key}. */
  void fill(String key, String value) {
    WebElement field = visible(By.cssSelector("[id$='-Field_" + key + "']"));
    field.clear();
    field.sendKeys(value);
  }

  /** What the form-js text field or text area bound to {@code key} holds. */
  String valueOf(String key) {
    return visible(By.cssSelector("[id$='-Field_" + key + "']")).getDomProperty("value");
  }

  /** Chooses {@code option} in the form-js select bound to {@code key}. */
  void pick(String key, String option) {
    press(By.cssSelector("[id$='-Field_" + key + "-display']"));
    press(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][contains(normalize-space(.), "
        + literal(option) + ")]"));
  }

  /** Chooses the radio button whose label starts with {@code label}. */
  void choose(String label) {
    press(By.xpath("//label[contains(@class,'fjs-form-field-label')][starts-with(normalize-space(.), "
        + literal(label) + ")]"));
  }

  /** Opens the task whose name contains every one of {@code parts}, from the focused filter's list. */
  void openTask(String... parts) {
    String condition = Arrays.stream(parts).map(p -> "contains(normalize-space(.), " + literal(p) + ")")
        .collect(Collectors.joining(" and "));
    press(By.xpath("//section[contains(@class,'tasks-list')]//a[" + condition + "]"));
    visible(By.cssSelector(".fjs-form"));
  }

  /** Whether the focused filter lists a task whose name contains {@code text}, once its list has loaded. */
  boolean listsTask(String text) {
    wait.until(ExpectedConditions.or(
        ExpectedConditions.visibilityOfElementLocated(By.xpath("//section[contains(@class,'tasks-list')]//li//a")),
        ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(normalize-space(.), 'No task matching')]"))));
    return !driver.findElements(By.xpath("//section[contains(@class,'tasks-list')]//a[contains(normalize-space(.), "
        + literal(text) + ")]")).isEmpty();
  }

  /** Waits until the page shows {@code text}. */
  void waitForText(String text) {
    visible(By.xpath("//*[contains(normalize-space(.), " + literal(text) + ")][not(*[contains(normalize-space(.), "
        + literal(text) + ")])]"));
  }

  /**
   * Waits until the engine shows what an action in the page did: Tasklist updates the page before its
   * request has committed (a claim), so a test asks the engine, not the page.
   */
  void waitUntil(String what, BooleanSupplier done) {
    wait.withMessage(what).until(ready -> done.getAsBoolean());
  }

  /** The texts of the visible form-js validation messages. */
  List<String> validationMessages() {
    return driver.findElements(By.cssSelector(".fjs-form-field-error")).stream()
        .filter(WebElement::isDisplayed).map(WebElement::getText).toList();
  }

  /** Waits until an element matching the CSS {@code selector} shows, and returns its visible text. */
  String textOf(String selector) {
    return visible(By.cssSelector(selector)).getText();
  }

  /** Waits until an element matching the CSS {@code selector} shows whose text contains {@code text}. */
  void waitForTextIn(String selector, String text) {
    // Ignores an element that a re-render replaced while it was read (a list refreshing, a search answering).
    new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage(selector + " showing '" + text + "'")
        .ignoring(StaleElementReferenceException.class)
        .until(ready -> driver.findElements(By.cssSelector(selector)).stream()
            .anyMatch(element -> element.isDisplayed() && element.getText().contains(text)));
  }

  /**
   * Focuses the Tasklist filter called {@code name}. Clicked by script: the tooltip of the filter under the
   * mouse may cover the next one.
   */
  void filter(String name) {
    WebElement link = visible(By.xpath("//*[contains(@class,'task-filters') or contains(@class,'filters')]"
        + "//a[contains(normalize-space(.), " + literal(name) + ")]"));
    ((JavascriptExecutor) driver).executeScript("arguments[0].click();", link);
  }

  /** The text of the focused filter's task list as it is now (empty while it loads). */
  String listText() {
    return driver.findElements(By.cssSelector("section.tasks-list")).stream().map(WebElement::getText)
        .findFirst().orElse("");
  }

  /** How many visible elements match the CSS {@code selector}. */
  int count(String selector) {
    return (int) driver.findElements(By.cssSelector(selector)).stream().filter(WebElement::isDisplayed).count();
  }

  /** Clicks the element matching the CSS {@code selector}. */
  void clickCss(String selector) {
    press(By.cssSelector(selector));
  }

  /** Types {@code text} into the field matching the CSS {@code selector}. */
  void type(String selector, String text) {
    WebElement field = visible(By.cssSelector(selector));
    field.clear();
    field.sendKeys(text);
  }

  /** Chooses the option with value {@code value} in the select matching the CSS {@code selector}. */
  void select(String selector, String value) {
    new Select(visible(By.cssSelector(selector))).selectByValue(value);
  }

  /** The attribute {@code name} of the element matching the CSS {@code selector}, once it shows. */
  String attribute(String selector, String name) {
    return visible(By.cssSelector(selector)).getAttribute(name);
  }

  /**
   * What the page's own session gets from {@code path} (a GET with the page's cookies, as a link the user
   * clicks), e.g. a CSV download.
   */
  String download(String path) {
    return (String) ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text()).then(done, e => done('failed: ' + e));",
        path);
  }

  /** Makes the window {@code height} pixels high, e.g. to show a whole dashboard in one screenshot. */
  void height(int height) {
    driver.manage().window().setSize(new Dimension(1400, height));
  }

  /** The visible text of the page. */
  String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  void go(String path) {
    driver.get(baseUrl + path);
  }

  /** Gives the page a moment to settle (Angular digests, list refreshes), then takes the step's screenshot. */
  void screenshot(String name) throws IOException, InterruptedException {
    Thread.sleep(700);
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    Files.write(SCREENSHOTS.resolve(String.format("%02d-%s.png", ++step, name)), png);
  }

  /** Keeps what a failed journey leaves behind: the screen and the browser's console log. */
  void keepEvidence(String name) throws IOException {
    Files.write(SCREENSHOTS.resolve(name + "-FAILED.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    List<String> console = driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString).toList();
    Files.write(SCREENSHOTS.resolve(name + "-browser.log"), console);
  }

  /**
   * Clicks what {@code locator} finds, in the middle of the screen, away from Tasklist's notifications at
   * the bottom edge. Found anew on every attempt: Tasklist re-renders lists and forms (after a claim, a
   * refresh) and an element found a moment ago may be gone.
   */
  private void press(By locator) {
    wait.ignoring(ElementClickInterceptedException.class).ignoring(StaleElementReferenceException.class).until(ready -> {
      WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(driver);
      if (element == null) {
        return false;
      }
      ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
      element.click();
      return true;
    });
  }

  private WebElement visible(By locator) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  /** An XPath string literal for any text (XPath 1.0 has no escape for quotes). */
  private static String literal(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }

  @Override
  public void close() {
    driver.quit();
  }
}
