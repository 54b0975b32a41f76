package org.coloc.it;

import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
