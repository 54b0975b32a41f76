package org.coloc.it;

import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every browser test class shares: one Chromium for the class, opened before its first test (after the
 * application its {@code ColocApp} extension started) and closed after its last, and a wait that survives the page
 * redrawing under it.
 */
abstract class InBrowser {

    static Browser browser;

    @BeforeAll
    static void openBrowser() throws Exception {
        browser = Browser.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    /**
     * Clicks the element once it is shown, looking it up again when the page redrew it meanwhile (a live update may
     * replace a list's rows at any moment: an element found a moment ago may be gone).
     */
    static void clickShown(By by) {
        settled(d -> {
            WebElement e = d.findElement(by);
            if (!e.isDisplayed()) {
                return null;
            }
            e.click();
            return Boolean.TRUE;
        });
    }

    /** The text of the element once it holds some, looked up again when the page redraws it. */
    static String textOf(By by) {
        return settled(d -> {
            String text = d.findElement(by).getText();
            return text.isBlank() ? null : text;
        });
    }

    /** Types into the field with this data-test attribute what it then holds alone (what it held is cleared). */
    static void typeInto(String dataTest, String text) {
        WebElement box = browser.visible(dataTest);
        box.clear();
        box.sendKeys(text);
    }

    /**
     * Waits until the condition answers something other than null or false; an element gone stale (the page
     * redrew it: a live update, an answer) is looked up again rather than failing the test.
     */
    static <T> T settled(Function<WebDriver, T> condition) {
        return new WebDriverWait(browser.driver(), ColocApp.WAIT).ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }
}
