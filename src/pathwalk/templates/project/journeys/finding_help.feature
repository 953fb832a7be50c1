@stage:support
Feature: Finding help
  A first-time customer looks for answers. Written only with pathwalk's built-in steps
  (`pathwalk steps` lists them) plus one project step from steps/example.py.

  Scenario: A customer finds out about delivery
    Given I am a first-time customer on the home page
    When I follow "Help"
    And I follow "Delivery"
    Then I should be on the "Delivery" page

  Scenario: A customer looks at a product
    Given I am a first-time customer on the home page
    When I look at the "Blue mug"
    Then I should see "Add to basket"
