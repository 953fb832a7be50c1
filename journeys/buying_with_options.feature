@stage:purchase
Feature: Buying with options
  A customer tries what the basket offers besides the checkout.

  Scenario: A guest tries a coupon on the blue mug
    Given I am a first-time customer on the home page
    When I add the "Blue mug" to my basket
    And I fill in "Coupon code" with "TEA10"
    And I press "Apply coupon"
    And I press "Apply coupon" again
    Then I should not see "Coupon applied"

  Scenario: A guest buys the red teapot with next-day delivery
    Given I am a first-time customer on the home page
    When I add the "Red teapot" to my basket
    And I press "Choose delivery"
    And I pick the "Next day" option
    And I press "Pay on delivery"
    Then I should see "Thank you for your order"
